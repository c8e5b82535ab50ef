package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanServerIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyResponseHasTheSecurityHeadersAndNoServerVersion() throws Exception {
    try (LanServer server = LanServer.start("127.0.0.1", 0, LanServerIT::hello)) {
      var starting = get(server.port(), "/health");
      assertThat(starting.statusCode()).as("not open yet").isEqualTo(503);
      assertThat(starting.headers().firstValue("Retry-After")).isPresent();
      server.open();
      for (String path : new String[] {"/", "/anything"}) {
        var response = get(server.port(), path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Server")).isEmpty();
      }
    }
  }

  @Test
  void healthSaysBusyWhileEveryWorkerIsTakenAndRequestsWaitForOne() throws Exception {
    var release = new java.util.concurrent.CountDownLatch(1);
    io.undertow.server.HttpHandler app =
        exchange -> {
          if (exchange.getRequestPath().equals("/block")) {
            exchange.dispatch(
                () -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  exchange.getResponseSender().send("done");
                });
          } else {
            exchange.getResponseSender().send("{\"status\": \"UP\"}");
          }
        };
    // Undertow's default: 8 workers per I/O thread, one I/O thread per core (at least two).
    int workers = Math.max(2, Runtime.getRuntime().availableProcessors()) * 8;
    try (LanServer server = LanServer.start("127.0.0.1", 0, app)) {
      server.open();
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
      var blocked = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
      for (int i = 0; i < workers + 4; i++) {
        blocked.add(
            http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/block"))
                    .version(HttpClient.Version.HTTP_1_1) // one connection each, no h2c upgrade
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      try {
        long until = System.nanoTime() + 5_000_000_000L;
        HttpResponse<String> health;
        do {
          Thread.sleep(50);
          health = get(server.port(), "/health");
        } while (health.statusCode() == 200 && System.nanoTime() < until);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("BUSY");
        assertThat(health.headers().firstValue("Retry-After")).isPresent();
      } finally {
        release.countDown();
      }
      for (var request : blocked) {
        request.get();
      }
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closingStopsAcceptingAtOnceAndLetsTheRequestInFlightFinish() throws Exception {
    var arrived = new java.util.concurrent.CountDownLatch(1);
    io.undertow.server.HttpHandler app =
        exchange ->
            exchange.dispatch(
                () -> {
                  arrived.countDown();
                  try {
                    Thread.sleep(1_500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  exchange.getResponseSender().send("done");
                });
    LanServer server = LanServer.start("127.0.0.1", 0, app);
    server.open();
    int port = server.port();
    var inFlight =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    arrived.await();
    Thread closing = Thread.ofPlatform().start(server::close); // as SIGTERM's shutdown hook does
    Thread.sleep(300);

    assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
        .as("a load balancer's next connection is refused, so it goes to another node")
        .isInstanceOf(java.net.ConnectException.class);
    var finished = inFlight.get();
    assertThat(finished.statusCode()).isEqualTo(200);
    assertThat(finished.body()).isEqualTo("done");
    closing.join(15_000);
    assertThat(closing.isAlive()).isFalse();
  }

  @Test
  void undertowsOwnBadRequestRepliesCarryTheSecurityHeadersToo() throws Exception {
    try (LanServer server = LanServer.start("127.0.0.1", 0, LanServerIT::hello)) {
      server.open();
      for (String request :
          List.of(
              "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n")) {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
          socket.setSoTimeout(5_000);
          socket
              .getOutputStream()
              .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
          String reply =
              new String(
                  socket.getInputStream().readAllBytes(),
                  java.nio.charset.StandardCharsets.ISO_8859_1);
          assertThat(reply).as(request).startsWith("HTTP/1.1 400 ");
          assertThat(reply)
              .as(request)
              .contains("X-Content-Type-Options: nosniff\r\n")
              .contains("Referrer-Policy: no-referrer\r\n")
              .contains("Content-Security-Policy: default-src 'self'");
        }
      }
    }
  }

  private static void hello(io.undertow.server.HttpServerExchange exchange) {
    exchange.getResponseSender().send("hello");
  }

  @Test
  void busyPortFailsAtOnceAndSuggestsAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(
              () -> LanServer.start("127.0.0.1", taken.getLocalPort(), LanServerIT::hello))
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("already in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void urlsForAWildcardHostAreLanAddressesNotLoopback() {
    var urls = LanAddresses.baseUrls("http", "0.0.0.0", 8080);
    assertThat(urls).isNotEmpty().allMatch(u -> u.startsWith("http://") && u.endsWith(":8080/"));
    if (!LanAddresses.reachableIpv4().equals(List.of("127.0.0.1"))) {
      assertThat(urls).noneMatch(u -> u.contains("127.0.0.1") || u.contains("localhost"));
    }
    assertThat(LanAddresses.baseUrls("http", "192.168.1.20", 9000))
        .containsExactly("http://192.168.1.20:9000/");
  }
}
