package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void emailIsTrimmedAndStoredLowerCase() {
    EmailAddress email = EmailAddress.parse("  Ada.Lovelace@Example.COM \t");
    assertThat(email.value()).isEqualTo("ada.lovelace@example.com");
    assertThat(email.username()).isEqualTo("ada.lovelace");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "ada@",
        "ada@@example.com",
        "ada lovelace@example.com",
        "ada..l@example.com",
        ".ada@example.com",
        "ada@example",
        "ada@-example.com",
        "ada@exa_mple.com"
      })
  void invalidSyntaxIsRefusedWithTheFormMessage(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Enter a valid email address.")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("email");
  }

  @Test
  void emptyEmailAsksForOne() {
    assertThatThrownBy(() -> EmailAddress.parse("   "))
        .hasMessage("Please enter an email address.");
  }

  @Test
  void atMost254Characters() {
    String local = "a".repeat(64);
    String domain = ("b".repeat(60) + ".").repeat(3) + "cc.org"; // 64 + 1 + 183 + 6 = 254
    String fits = local + "@" + domain;
    assertThat(fits).hasSize(254);
    assertThat(EmailAddress.parse(fits).value()).isEqualTo(fits);
    String tooLong = local + "@" + "b".repeat(60) + "." + domain;
    assertThat(tooLong.length()).isGreaterThan(254);
    assertThatThrownBy(() -> EmailAddress.parse(tooLong))
        .hasMessage("Enter a valid email address.");
  }
}
