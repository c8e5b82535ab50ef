package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  private static final PasswordPolicy POLICY = PasswordPolicy.standard();
  private static final EmailAddress EMAIL = EmailAddress.parse("ada@example.com");

  @Test
  void commonListHasAtLeastTenThousandEntries() {
    assertThat(POLICY.commonListSize()).isGreaterThanOrEqualTo(10_000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 129, 400})
  void lengthOutside8To128IsRefused(int length) {
    assertThatThrownBy(() -> POLICY.check("q".repeat(length), EMAIL))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Please enter a password 8–128 characters in length.");
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    assertThatCode(() -> POLICY.check("ñandú-ölçü", EMAIL)).doesNotThrowAnyException();
    assertThatCode(() -> POLICY.check("zq".repeat(64), EMAIL)).doesNotThrowAnyException();
    assertThatThrownBy(() -> POLICY.check("日本語のパス", EMAIL)).hasMessageContaining("8–128");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "Password1", "12345678", "iloveyou", "QWERTYUIOP"})
  void commonPasswordsAreRefusedWhateverTheCase(String password) {
    assertThatThrownBy(() -> POLICY.check(password, EMAIL))
        .hasMessage(PasswordPolicy.COMMON_MESSAGE);
  }

  @Test
  void passwordEqualToTheEmailIsRefused() {
    assertThatThrownBy(() -> POLICY.check("Ada@Example.com", EMAIL))
        .hasMessage(PasswordPolicy.SAME_AS_EMAIL_MESSAGE);
    assertThatThrownBy(() -> POLICY.check("ada@example.com", EmailAddress.parse("ada@example.com")))
        .hasMessage(PasswordPolicy.SAME_AS_EMAIL_MESSAGE);
  }

  @Test
  void aGoodPassphrasePasses() {
    assertThatCode(() -> POLICY.check("correct horse battery", EMAIL)).doesNotThrowAnyException();
  }
}
