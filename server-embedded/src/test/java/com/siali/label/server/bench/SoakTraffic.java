package com.siali.label.server.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The soak benchmark's traffic: what a team does to a server all day, at a bounded rate, through
 * real HTTP. One request per {@link #step} call, taken from a fixed cycle of {@value #CYCLE} steps
 * (one second at the benchmark's 20 steps per second): API reads with a token, People and log-in
 * pages, one real log-in (Argon2), a profile change and the health check; every 5 s a picture
 * upload (larger than 512 px, so it is cropped and re-encoded), every 30 s a token reset and every
 * minute an invitation sign-up. Each response's status is checked against what that request must
 * get; anything else is counted as unexpected, by request.
 */
final class SoakTraffic {
  static final int CYCLE = 20;
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern INVITE = Pattern.compile("\"invite_url\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String email;
  private final String password;
  private final byte[] picture;
  private final Map<String, Integer> unexpected = new TreeMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private String token;
  private long leadId;
  private String session;
  private String inviteUrl;
  private long step;

  SoakTraffic(String baseUrl, String email, String password, String token) throws IOException {
    this.baseUrl = baseUrl;
    this.email = email;
    this.password = password;
    this.token = token;
    this.picture = picture();
  }

  /** Reads what the cycle needs (the owner's id, a session, the invitation link). */
  void prepare() throws Exception {
    leadId = Long.parseLong(first(ID, get("/api/current-user/whoami", true).body()));
    session = logIn();
    inviteUrl = first(INVITE, get("/api/invite", true).body()).replace("\\/", "/");
  }

  void step() throws Exception {
    long n = step++;
    long second = n / CYCLE;
    int slot = (int) (n % CYCLE);
    if (slot == 0 && second % 60 == 30) {
      signUp(second);
    } else if (slot == 0 && second % 30 == 15) {
      resetToken();
    } else if (slot == 0 && second % 5 == 0) {
      uploadPicture();
    } else if (slot == 1) {
      logIn();
    } else if (slot == 2) {
      expect("PATCH profile", patchProfile(second), 200);
    } else if (slot == 3 || slot == 4) {
      expect("GET /people/", withSession("/people/?q=" + (second % 10)), 200);
    } else if (slot == 5) {
      expect("GET /user/login/", send(request("/user/login/").build()), 200);
    } else if (slot == 6) {
      expect("GET /health", send(request("/health").build()), 200);
    } else if (slot == 7) {
      expect("GET /api/users/", get("/api/users/", true), 200);
    } else {
      expect("GET whoami", get("/api/current-user/whoami", true), 200);
    }
  }

  int requests() {
    return requests.get();
  }

  /** Unexpected statuses by request ("GET /people/ 500" → count). */
  Map<String, Integer> unexpected() {
    return unexpected;
  }

  private String logIn() throws Exception {
    String csrfCookie = csrfCookie("/user/login/");
    HttpResponse<String> login =
        send(
            form(
                "/user/login/",
                csrfCookie,
                "email=" + encoded(email) + "&password=" + encoded(password)));
    expect("POST /user/login/", login, 302);
    return login.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sl_session="))
        .findFirst()
        .map(c -> c.split(";")[0])
        .orElse(session);
  }

  private void signUp(long second) throws Exception {
    String path = URI.create(inviteUrl).getRawPath() + "?" + URI.create(inviteUrl).getRawQuery();
    String address = "soak-" + second + "-" + System.nanoTime() + "@example.com";
    HttpResponse<String> response =
        send(
            form(
                path,
                csrfCookie(path),
                "email=" + encoded(address) + "&password=" + encoded("soak password " + second)));
    expect("POST /user/signup/", response, 302);
  }

  private void resetToken() throws Exception {
    HttpResponse<String> response =
        send(
            request("/api/current-user/reset-token/")
                .header("Authorization", "Token " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (expect("POST reset-token", response, 201)) {
      token = first(TOKEN, response.body());
    }
  }

  private void uploadPicture() throws Exception {
    String boundary = "soak" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.write(picture);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> response =
        send(
            request("/api/users/" + leadId + "/avatar/")
                .header("Authorization", "Token " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    expectAny("POST avatar", response, Set.of(200, 201));
  }

  private HttpResponse<String> patchProfile(long second) throws Exception {
    return send(
        request("/api/users/" + leadId + "/")
            .header("Authorization", "Token " + token)
            .header("Content-Type", "application/json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "{\"first_name\": \"Soak "
                        + (second % 100)
                        + "\", \"phone\": \""
                        + second
                        + "\"}"))
            .build());
  }

  private HttpResponse<String> withSession(String path) throws Exception {
    return send(request(path).header("Cookie", session).build());
  }

  private HttpResponse<String> get(String path, boolean withToken) throws Exception {
    HttpRequest.Builder builder = request(path);
    if (withToken) {
      builder.header("Authorization", "Token " + token);
    }
    return send(builder.build());
  }

  private String csrfCookie(String path) throws Exception {
    HttpResponse<String> page = send(request(path).build());
    return page.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sl_csrf="))
        .findFirst()
        .map(c -> c.split(";")[0])
        .orElseThrow(() -> new IllegalStateException("no CSRF cookie on " + path));
  }

  private HttpRequest form(String path, String csrfCookie, String fields) {
    String csrf = csrfCookie.substring(csrfCookie.indexOf('=') + 1);
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrfCookie)
        .POST(HttpRequest.BodyPublishers.ofString(fields + "&csrf_token=" + csrf))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    requests.incrementAndGet();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private boolean expect(String what, HttpResponse<String> response, int status) {
    return expectAny(what, response, Set.of(status));
  }

  private boolean expectAny(String what, HttpResponse<String> response, Set<Integer> statuses) {
    if (statuses.contains(response.statusCode())) {
      return true;
    }
    unexpected.merge(what + " " + response.statusCode(), 1, Integer::sum);
    return false;
  }

  private static String first(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected reply: " + body);
    }
    return matcher.group(1);
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A 1024 × 1024 PNG of a gradient: decoded, cropped and scaled down to 512 px by the server. */
  private static byte[] picture() throws IOException {
    BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, 1024, 1024, Color.BLUE));
    graphics.fillRect(0, 0, 1024, 1024);
    graphics.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }
}
