package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow request bodies (issue #18 item 2), held open over raw sockets against the real server: they
 * must hold no worker thread, so that everyone else's pages that need a worker stay fast, and a
 * body that does not arrive within its deadline gets a 408 and a closed connection.
 */
class SlowClientsIT {
  private static final int SLOW_BODIES = 60;

  @TempDir Path tmp;
  TestServer app;
  final List<Socket> slow = new ArrayList<>();

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.of(false), Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : slow) {
      socket.close();
    }
    app.close();
  }

  @Test
  void sixtySlowBodiesLeaveWorkerPagesFastForEveryoneElse() throws Exception {
    var lead = app.account("lead@example.com");
    String token = app.tokenOf(lead);
    // Each page once beforehand, so that what is timed below is the slow bodies' effect, not a
    // first
    // query's or the People search copy's warm-up.
    Browser warmUp = new Browser(app.base());
    warmUp.logIn(lead.email().value(), TestServer.PASSWORD);
    warmUp.get("/people/");
    warmUp.get("/api/projects", "Authorization", "Token " + token);
    warmUp.get("/user/signup/");
    for (int i = 0; i < SLOW_BODIES; i++) {
      slow.add(startSlowBody(i % 2 == 0 ? "/user/signup/" : "/api/projects"));
    }
    Thread.sleep(300); // every slow request has reached the server and would sit in a worker

    Browser browser = new Browser(app.base());
    assertWithinOneSecond(
        "log-in POST",
        () -> browser.logIn(lead.email().value(), TestServer.PASSWORD).statusCode(),
        302);
    assertWithinOneSecond("People", () -> browser.get("/people/").statusCode(), 200);
    assertWithinOneSecond(
        "the API",
        () -> browser.get("/api/projects", "Authorization", "Token " + token).statusCode(),
        200);
    Browser stranger = new Browser(app.base());
    assertWithinOneSecond("sign-up page", () -> stranger.get("/user/signup/").statusCode(), 200);
    String csrf = stranger.csrfFrom("/user/signup/");
    assertWithinOneSecond(
        "sign-up POST",
        () ->
            stranger
                .post(
                    "/user/signup/",
                    Map.of(
                        "email",
                        "new@example.com",
                        "password",
                        TestServer.PASSWORD,
                        "csrf_token",
                        csrf))
                .statusCode(),
        302);
    assertWithinOneSecond("health", () -> browser.get("/health").statusCode(), 200);
  }

  @Test
  void aBodyThatDoesNotArriveWithinItsDeadlineGets408AndTheConnectionCloses() throws Exception {
    Socket socket = startSlowBody("/user/signup/");
    slow.add(socket);
    socket.setSoTimeout(10_000);
    long started = System.nanoTime();
    String reply = readAll(socket.getInputStream());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(reply).startsWith("HTTP/1.1 408 ");
    assertThat(reply)
        .contains("X-Content-Type-Options: nosniff")
        .containsIgnoringCase("connection: close");
    assertThat(millis)
        .as("the 3 s deadline, not the 10 s socket timeout")
        .isBetween(2_000L, 8_000L);
  }

  /** A POST whose headers promise 1000 bytes, of which 10 arrive; the rest never comes. */
  private Socket startSlowBody(String path) throws IOException {
    Socket socket = new Socket("127.0.0.1", app.server.port());
    OutputStream out = socket.getOutputStream();
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + app.server.port()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=slow";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static String readAll(InputStream in) throws IOException {
    var reply = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        reply.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketTimeoutException | java.net.SocketException stopped) {
      // keep what arrived
    }
    return reply.toString();
  }

  private static void assertWithinOneSecond(String what, Callable<Integer> request, int status)
      throws Exception {
    long started = System.nanoTime();
    var result =
        new Object() {
          Integer got;
          Exception failed;
        };
    Thread call =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    result.got = request.call();
                  } catch (Exception e) {
                    result.failed = e;
                  }
                });
    call.join(Duration.ofSeconds(5));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.failed).as(what).isNull();
    assertThat(result.got).as(what + " answered").isEqualTo(status);
    assertThat(millis).as(what + " took (ms)").isLessThan(1_000);
  }
}
