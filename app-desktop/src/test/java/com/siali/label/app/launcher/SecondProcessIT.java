package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.TestDatabases;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other JVMs beside a running {@code start}, on both backends (on PostgreSQL the commands open the
 * shared database themselves, so the change feed, not the control socket, tells the server): a
 * {@code reset_password} ends the server's sessions within 1 s (issue #14 §5), and a second {@code
 * start} on the same data directory says "already running" and leaves the first one's control
 * socket alone.
 */
class SecondProcessIT {
  private static final String EMAIL = "admin@example.com";
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

  @TempDir Path tmp;
  Path data;
  Map<String, String> environment;
  final List<CliProcess> started = new ArrayList<>();

  @BeforeEach
  void database() {
    data = tmp.resolve("data");
    environment = TestDatabases.environment(data);
  }

  @AfterEach
  void stop() {
    started.stream().filter(CliProcess::isAlive).forEach(CliProcess::kill);
  }

  private CliProcess launch(String... args) throws Exception {
    CliProcess process = CliProcess.launch(data, environment, args);
    started.add(process);
    return process;
  }

  private String startServer() throws Exception {
    CliProcess server =
        launch("start", "--headless", "--port=0", "--username", EMAIL, "--password", PASSWORD);
    return server.awaitRunningAddress(90);
  }

  @Test
  void resetPasswordInAnotherJvmEndsTheServersSessionsWithinOneSecond() throws Exception {
    String base = startServer();
    HttpClient browser = loggedIn(base);
    assertThat(whoami(browser, base)).isEqualTo(200);

    CliProcess reset =
        launch("reset_password", "--username", EMAIL, "--password", "another good passphrase");
    // Printed after the commit: from here the server has 1 s to refuse the old session.
    reset.awaitLine("Password successfully changed", 60);
    long changed = System.nanoTime();
    int status = whoami(browser, base);
    while (status == 200 && System.nanoTime() - changed < 3_000_000_000L) {
      Thread.sleep(10);
      status = whoami(browser, base);
    }
    long refusedAfterMillis = (System.nanoTime() - changed) / 1_000_000;

    assertThat(status).as("the old session cookie is refused").isNotEqualTo(200);
    assertThat(refusedAfterMillis).as("milliseconds until refused").isLessThanOrEqualTo(1000);
    assertThat(reset.waitFor(30).exitCode()).isZero();
  }

  @Test
  void aSecondStartSaysAlreadyRunningAndLeavesTheFirstOnesSocket() throws Exception {
    String base = startServer();
    Path socket = data.resolve("control.sock");
    Object socketFile = Files.readAttributes(socket, "unix:ino").get("ino");

    var second = CliProcess.run(data, environment, "", "start", "--headless", "--port=0");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("Siali Label is already running at ").contains(base);
    assertThat(second.err()).isEmpty();
    assertThat(Files.readAttributes(socket, "unix:ino").get("ino"))
        .as("the first instance's socket is still the one in place")
        .isEqualTo(socketFile);
    var user = CliProcess.run(data, environment, "", "user", "--username", EMAIL);
    assertThat(user.exitCode()).as(user.err()).isZero();
    assertThat(user.err()).isEmpty();
    assertThat(Files.readString(data.resolve("logs/siali-label.log")))
        .as("jOOQ's version warning about PostgreSQL 15 is kept out (QuietLogStart)")
        .doesNotContain("Version mismatch", "older than what dialect");
  }

  @Test
  void twoStartsAtOnceLeaveOneRunningAndTheOtherSaysSo() throws Exception {
    CliProcess first = launch("start", "--headless", "--port=0");
    CliProcess second = launch("start", "--headless", "--port=0");

    String running = first.awaitLine("Siali Label is", 90);
    String other = second.awaitLine("Siali Label is", 90);
    List<String> lines = List.of(running, other);

    assertThat(lines).filteredOn(l -> l.startsWith("Siali Label is running at")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("Siali Label is already running at")).hasSize(1);
    CliProcess quitter = running.startsWith("Siali Label is already") ? first : second;
    CliProcess.Finished finished = quitter.waitFor(30);
    assertThat(finished.exitCode()).as(finished.err()).isZero();
    assertThat(first.isAlive() || second.isAlive()).isTrue();
    var user = CliProcess.run(data, environment, "", "user", "--username", "nobody@example.com");
    assertThat(user.out())
        .as("the one running still answers the commands")
        .contains("doesn't exist");
    assertThat(user.err()).isEmpty();
  }

  private static HttpClient loggedIn(String base) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var form = http.send(get(base + "/user/login/"), HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).as("the log-in form's csrf_token").isTrue();
    String body =
        "email="
            + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&csrf_token="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    var login =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/user/login/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("a log-in redirects").isEqualTo(302);
    return http;
  }

  private static int whoami(HttpClient http, String base) throws Exception {
    return http.send(get(base + "/api/current-user/whoami"), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }
}
