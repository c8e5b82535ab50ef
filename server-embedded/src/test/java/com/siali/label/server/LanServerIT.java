package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LanServerIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersUpWithSecurityHeadersAndNoServerVersion() throws Exception {
    try (LanServer server = LanServer.start("127.0.0.1", 0)) {
      for (String path : new String[] {"/health", "/health/"}) {
        var response = get(server.port(), path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\": \"UP\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Server")).isEmpty();
      }
      var missing = get(server.port(), "/no/such/page");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("{\"detail\": \"Not found.\"}");
    }
  }

  @Test
  void busyPortFailsAtOnceAndSuggestsAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> LanServer.start("127.0.0.1", taken.getLocalPort()))
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("already in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void urlsForAWildcardHostAreLanAddressesNotLoopback() {
    var urls = LanAddresses.baseUrls("http", "0.0.0.0", 8080);
    assertThat(urls).isNotEmpty().allMatch(u -> u.startsWith("http://") && u.endsWith(":8080/"));
    if (!LanAddresses.reachableIpv4().equals(java.util.List.of("127.0.0.1"))) {
      assertThat(urls).noneMatch(u -> u.contains("127.0.0.1") || u.contains("localhost"));
    }
    assertThat(LanAddresses.baseUrls("http", "192.168.1.20", 9000)).containsExactly("http://192.168.1.20:9000/");
  }
}
