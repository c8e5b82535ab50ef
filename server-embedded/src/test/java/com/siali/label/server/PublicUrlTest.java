package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicUrlTest {
  @Test
  void theBaseAndTheHostAsAHostHeaderNamesIt() {
    var url = PublicUrl.parse(" https://Label.Example.com/ ");
    assertThat(url.base()).isEqualTo("https://label.example.com");
    assertThat(url.host()).isEqualTo("label.example.com");

    var withPort = PublicUrl.parse("http://[fd00::5]:8080");
    assertThat(withPort.base()).isEqualTo("http://[fd00::5]:8080");
    assertThat(withPort.host()).isEqualTo("[fd00::5]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "label.example.com",
        "ftp://label.example.com",
        "https://label.example.com/siali",
        "https://label.example.com/?x=1",
        "https://user@label.example.com",
        "https://",
        "not a url at all"
      })
  void anythingButASchemeAndAHostIsRefusedWithTheValueInTheMessage(String value) {
    assertThatThrownBy(() -> PublicUrl.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(value.strip());
  }

  @Test
  void itsHostIsAllowedBesideTheComputersOwn() {
    var settings =
        new WebSettings(Optional.empty(), false, Set.of("127.0.0.1"))
            .behind(
                com.siali.label.server.http.TrustedProxies.NONE,
                Optional.of(PublicUrl.parse("https://label.example.com")));

    assertThat(settings.allowedHosts()).contains("127.0.0.1", "label.example.com");
  }
}
