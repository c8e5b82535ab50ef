package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  private static InetAddress ip(String literal) {
    return TrustedProxies.literal(literal).orElseThrow();
  }

  @Test
  void addressesAndBlocksOfBothFamiliesAreTrusted() {
    var proxies = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/8 ,192.168.1.128/25, ::1, fd00::/8");

    assertThat(proxies.trusts(ip("127.0.0.1"))).isTrue();
    assertThat(proxies.trusts(ip("127.0.0.2"))).isFalse();
    assertThat(proxies.trusts(ip("10.255.1.2"))).isTrue();
    assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
    assertThat(proxies.trusts(ip("192.168.1.200"))).isTrue();
    assertThat(proxies.trusts(ip("192.168.1.127"))).isFalse();
    assertThat(proxies.trusts(ip("::1"))).isTrue();
    assertThat(proxies.trusts(ip("[fd12:3456::1]"))).isTrue();
    assertThat(proxies.trusts(ip("fe80::1"))).isFalse();
  }

  @Test
  void anIpv4MappedPeerIsTheIpv4AddressItCarries() {
    var proxies = TrustedProxies.parse("10.0.0.0/8");

    assertThat(proxies.trusts(ip("::ffff:10.1.2.3"))).isTrue();
  }

  @Test
  void blankMeansNoProxyAtAll() {
    assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    assertThat(TrustedProxies.parse(null).trusts(ip("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "256.1.1.1",
        "10.0.0",
        "proxy.example.com",
        "::1/129",
        "10.0.0.0/x",
        "1.2.3.4/-1",
        "12345::1::2"
      })
  void anythingElseIsRefusedNamingTheEntry(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }

  @Test
  void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
    var proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");
    InetAddress nginx = ip("127.0.0.1");

    assertThat(proxies.client(nginx, List.of("198.51.100.1, 203.0.113.9, 10.1.1.1")))
        .as("a spoofed left-most hop proves nothing")
        .isEqualTo(ip("203.0.113.9"));
    assertThat(proxies.client(nginx, List.of("198.51.100.1", "203.0.113.9")))
        .as("several headers are one list")
        .isEqualTo(ip("203.0.113.9"));
    assertThat(proxies.client(nginx, List.of("2001:db8::7"))).isEqualTo(ip("2001:db8::7"));
    assertThat(proxies.client(nginx, List.of("10.0.0.5"))).isEqualTo(ip("10.0.0.5"));
    assertThat(proxies.client(nginx, List.of())).isEqualTo(nginx);
  }

  @Test
  void anUntrustedPeersHeaderIsIgnored() {
    var proxies = TrustedProxies.parse("10.0.0.0/8");
    InetAddress stranger = ip("192.0.2.44");

    assertThat(proxies.client(stranger, List.of("203.0.113.9"))).isEqualTo(stranger);
    assertThat(proxies.forwardedHttps(stranger, "https")).isFalse();
    assertThat(proxies.forwardedHttps(ip("10.0.0.1"), "https")).isTrue();
    assertThat(proxies.forwardedHttps(ip("10.0.0.1"), "http")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "203.0.113.9, not-an-address", "", " , ", "<script>"})
  void aHeaderThatIsNotAListOfAddressesIsIgnoredWhole(String header) {
    var proxies = TrustedProxies.parse("127.0.0.1");
    InetAddress nginx = ip("127.0.0.1");

    assertThat(proxies.client(nginx, List.of(header))).isEqualTo(nginx);
  }
}
