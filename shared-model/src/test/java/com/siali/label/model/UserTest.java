package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class UserTest {
  private static User user(String first, String last) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new User(
        1,
        EmailAddress.parse("example@labelstud.io"),
        first,
        last,
        "",
        Optional.empty(),
        true,
        false,
        t,
        t);
  }

  @Test
  void initialsFollowLabelStudio() {
    assertThat(user("Ada", "Lovelace").initials()).isEqualTo("AL");
    assertThat(user("Ada", "").initials()).isEqualTo("A");
    assertThat(user("", "Lovelace").initials()).isEqualTo("L");
    assertThat(user("", "").initials()).isEqualTo("ex");
  }

  @Test
  void displayNameFallsBackToEmail() {
    assertThat(user("Ada", "Lovelace").displayName()).isEqualTo("Ada Lovelace");
    assertThat(user("", "").displayName()).isEqualTo("example@labelstud.io");
  }

  @Test
  void profileFieldsAreTrimmedAndLimited() {
    var update = new ProfileUpdate("  Ada ", " Lovelace", " +44 20 7946 0958 ");
    assertThat(update.firstName()).isEqualTo("Ada");
    assertThat(update.phone()).isEqualTo("+44 20 7946 0958");
    Assertions.assertThatThrownBy(() -> new ProfileUpdate("x".repeat(151), "", ""))
        .hasMessage("First name must be at most 150 characters.");
    Assertions.assertThatThrownBy(() -> new ProfileUpdate("", "", "call me"))
        .isInstanceOf(ValidationException.class);
  }
}
