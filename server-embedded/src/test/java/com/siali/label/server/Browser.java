package com.siali.label.server;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that behaves like a browser on forms (no redirects followed). */
final class Browser {
  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");
  private final String base;
  private final CookieManager cookies;
  private final HttpClient http;

  Browser(String base) {
    this(base, new CookieManager(), Optional.empty());
  }

  private Browser(String base, CookieManager cookies, Optional<InetAddress> from) {
    this.base = base;
    this.cookies = cookies;
    var builder =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER);
    from.ifPresent(builder::localAddress);
    this.http = builder.build();
  }

  private Browser(String base, CookieManager cookies, HttpClient http) {
    this.base = base;
    this.cookies = cookies;
    this.http = http;
  }

  /**
   * A browser on another computer: its connections come from {@code loopbackAddress} (any of
   * 127.0.0.0/8 reaches the server on Linux), which the server sees as the client address.
   */
  static Browser from(String loopbackAddress, String base) throws Exception {
    return new Browser(
        base, new CookieManager(), Optional.of(InetAddress.getByName(loopbackAddress)));
  }

  /**
   * The same browser (cookies, connection source) on another base URL: another node of a cluster.
   * Cookies do not depend on the port, so the session cookie of one node goes to the other.
   */
  Browser on(String otherBase) {
    return new Browser(otherBase, cookies, http);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form, String... headers)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String json, String... headers)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A multipart/form-data POST: text fields plus one file field, as a browser sends an upload form.
   */
  HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileField, byte[] file, String... headers)
      throws Exception {
    String boundary = "----siali" + System.nanoTime();
    var out = new ByteArrayOutputStream();
    for (var field : fields.entrySet()) {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\"picture.png\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Loads {@code formPath} and returns the CSRF token its form carries. */
  String csrfFrom(String formPath) throws Exception {
    Matcher m = CSRF_FIELD.matcher(get(formPath).body());
    if (!m.find()) {
      throw new AssertionError("no csrf_token field on " + formPath);
    }
    return m.group(1);
  }

  HttpResponse<String> logIn(String email, String password, String... headers) throws Exception {
    String csrf = csrfFrom("/user/login/");
    // "Keep me logged in" is checked by default, so a browser sends it.
    return post(
        "/user/login/",
        Map.of("email", email, "password", password, "csrf_token", csrf, "persist_session", "on"),
        headers);
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  void forget(String name) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }
}
