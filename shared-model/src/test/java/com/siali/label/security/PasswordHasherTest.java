package com.siali.label.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = PasswordHasher.withDefaults();

  @Test
  void hashIsAnArgon2idPhcStringWithItsParameters() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify(hash, "correct horse battery")).isTrue();
    assertThat(hasher.verify(hash, "correct horse batter")).isFalse();
    assertThat(hasher.verify(hash, "correct horse battery ")).as("no trimming").isFalse();
  }

  @Test
  void longPasswordsAreNotTruncated() {
    String base = "x".repeat(127);
    String hash = hasher.hash(base + "a");
    assertThat(hasher.verify(hash, base + "b")).isFalse();
  }

  @Test
  void composedAndDecomposedFormsOfAPasswordAreTheSame() {
    String composed = "caf\u00e9 au lait";
    String decomposed = "cafe\u0301 au lait";
    assertThat(hasher.verify(hasher.hash(composed), decomposed)).isTrue();
  }

  @Test
  void hashesFromWeakerParametersNeedARehash() {
    var stronger = new PasswordHasher(new Argon2Parameters(19_456, 3, 1), 1);
    String old = hasher.hash("correct horse battery");
    assertThat(stronger.needsRehash(old)).isTrue();
    assertThat(hasher.needsRehash(old)).isFalse();
  }

  @Test
  void tokensAreRandomAndComparedExactly() {
    assertThat(Tokens.randomHex(20)).hasSize(40).matches("[0-9a-f]+").isNotEqualTo(Tokens.randomHex(20));
    assertThat(Tokens.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Tokens.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Tokens.constantTimeEquals("abc", "abcd")).isFalse();
  }
}
