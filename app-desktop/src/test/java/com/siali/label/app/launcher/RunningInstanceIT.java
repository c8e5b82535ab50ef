package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as separate processes against one installation: {@code user} and {@code reset_password}
 * from other JVMs while {@code start} holds the database, a second {@code start}, a clean stop, and
 * a restart.
 */
class RunningInstanceIT {

  @TempDir Path tmp;
  CliProcess server;

  @AfterEach
  void stop() {
    if (server != null && server.isAlive()) {
      server.kill();
    }
  }

  private int startServer(Path data, String... extra) throws Exception {
    String[] args = new String[3 + extra.length];
    args[0] = "start";
    args[1] = "--headless";
    args[2] = "--port=0";
    System.arraycopy(extra, 0, args, 3, extra.length);
    server = CliProcess.launch(data, args);
    return server.awaitRunningPort(90);
  }

  @Test
  void commandsWorkWhileTheApplicationRunsAndAfterARestart() throws Exception {
    Path data = tmp.resolve("data");
    int port =
        startServer(
            data,
            "--username",
            "admin@example.com",
            "--password",
            "correct horse battery",
            "--user-token",
            "abcdef123");

    var health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\": \"UP\"}");

    var user = CliProcess.run(data, "", "user", "--username", "admin@example.com");
    assertThat(user.exitCode()).isZero();
    assertThat(user.out())
        .startsWith("=> User info:\n{'id': 1, ")
        .contains("'token': 'abcdef123', 'status': 'ok'}");
    assertThat(user.out().lines()).hasSize(2);

    var reset =
        CliProcess.run(data, "admin@example.com\nanother good passphrase\n", "reset_password");
    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.out())
        .contains("Username: ", "New password: ", "Password successfully changed");

    var audit = CliProcess.run(data, "", "audit", "--format", "jsonl");
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    assertThat(audit.out())
        .as("the running instance answers, the command line named as the reset's actor")
        .contains("\"action\":\"password_changed\"", "\"actor\":\"command line\"")
        .doesNotContain("another good passphrase");

    var second = CliProcess.run(data, "", "start", "--headless", "--port=0");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).startsWith("Siali Label is already running at http://");

    var stopped = server.terminate();
    assertThat(stopped.err()).doesNotContain("Exception");
    assertThat(Files.exists(data.resolve("control.sock"))).isFalse();
    assertThat(Files.readString(data.resolve("logs/siali-label.log"))).contains("stopped");

    startServer(data, "--username", "admin@example.com", "--password", "correct horse battery");
    var again =
        CliProcess.run(
            data,
            "",
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "another good passphrase");
    assertThat(again.err())
        .as("the reset made while running was kept")
        .isEqualTo("Entered password is the same as current\n");
    var token = CliProcess.run(data, "", "user", "--username", "admin@example.com");
    assertThat(token.out()).contains("'token': 'abcdef123'");
    server.terminate();

    assertThat(Files.readString(data.resolve("logs/siali-label.log")))
        .as("passwords and tokens never reach the log")
        .contains("account admin@example.com created")
        .doesNotContain("correct horse battery", "another good passphrase", "abcdef123");
  }

  /**
   * SIGTERM, as a service manager stops a node behind a load balancer: the node stops accepting at
   * once (the balancer's next try goes to another node) and the log-in already in flight, its body
   * still arriving, is answered before the process ends.
   */
  @Test
  void sigtermLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
    Path data = tmp.resolve("data");
    int port =
        startServer(data, "--username", "admin@example.com", "--password", "correct horse battery");
    var form =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/user/login/"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"").matcher(form.body());
    assertThat(csrf.find()).isTrue();
    String cookies =
        String.join(
            "; ",
            form.headers().allValues("set-cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .toList());
    byte[] body =
        ("csrf_token="
                + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                + "&email=admin%40example.com&password=correct+horse+battery")
            .getBytes(StandardCharsets.US_ASCII);

    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /user/login/ HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nCookie: "
                  + cookies
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();
      Thread.sleep(300); // the request has reached the node
      var stopping = java.util.concurrent.CompletableFuture.supplyAsync(this::terminateServer);
      Thread.sleep(1_000);

      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .as("a stopping node accepts no new connection")
          .isInstanceOf(ConnectException.class);
      assertThat(server.isAlive()).as("the node waits for the request in flight").isTrue();
      out.write(body, 10, body.length - 10);
      out.flush();
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(reply).as("the log-in in flight is answered").startsWith("HTTP/1.1 302 ");
      assertThat(stopping.get(30, java.util.concurrent.TimeUnit.SECONDS).err())
          .doesNotContain("Exception");
    }
    assertThat(Files.readString(data.resolve("logs/siali-label.log"))).contains("stopped");
  }

  private CliProcess.Finished terminateServer() {
    try {
      return server.terminate();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAcknowledgedChangeSurvivesKillNine() throws Exception {
    Path data = tmp.resolve("data");
    startServer(data, "--username", "admin@example.com", "--password", "correct horse battery");
    var reset =
        CliProcess.run(
            data,
            "",
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "another good passphrase");
    assertThat(reset.out()).isEqualTo("Password successfully changed\n");
    server.kill(); // SIGKILL: no shutdown hook, no database close
    server.waitFor(30);

    startServer(data);
    var again =
        CliProcess.run(
            data,
            "",
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "another good passphrase");
    assertThat(again.err()).isEqualTo("Entered password is the same as current\n");
    server.terminate();
  }

  @Test
  void seedingIsIdempotent() throws Exception {
    Path data = tmp.resolve("data");
    startServer(data, "--username", "admin@example.com", "--password", "correct horse battery");
    server.terminate();
    server =
        CliProcess.launch(
            data,
            "start",
            "--headless",
            "--port=0",
            "--username",
            "ADMIN@example.com",
            "--password",
            "a different passphrase",
            "--user-token",
            "zzzzzzzz");
    assertThat(server.awaitLine("already exists", 90))
        .isEqualTo("User admin@example.com already exists");
    server.awaitLine("Siali Label is running at", 30);
    var user = CliProcess.run(data, "", "user", "--username", "admin@example.com");
    assertThat(user.out()).doesNotContain("zzzzzzzz");
    server.terminate();
  }

  @Test
  void busyPortIsAClearErrorAndNothingKeepsRunning() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      var result =
          CliProcess.run(
              tmp.resolve("data"),
              "",
              "start",
              "--headless",
              "--host",
              "0.0.0.0",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--username",
              "admin@example.com",
              "--password",
              "correct horse battery");
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.err()).contains("already in use", "--port").hasLineCount(1);
      assertThat(Files.exists(tmp.resolve("data/control.sock"))).isFalse();
      var user = CliProcess.run(tmp.resolve("data"), "", "user", "--username", "admin@example.com");
      assertThat(user.out())
          .as("a start that cannot serve creates nothing")
          .contains("doesn't exist");
    }
  }
}
