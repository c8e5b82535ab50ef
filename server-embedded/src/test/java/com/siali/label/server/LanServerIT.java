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
