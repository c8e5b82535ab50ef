package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.PersonalInvitation.Status;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalInvitationTest {
  static final Instant MADE = Instant.parse("2026-12-02T09:00:00Z");
  static final Instant EXPIRES = Instant.parse("2026-12-09T09:00:00Z");

  private static PersonalInvitation invitation(Optional<Instant> used, Optional<Instant> revoked) {
    return new PersonalInvitation(
        1, EmailAddress.parse("ada@example.com"), "lead@example.com", MADE, EXPIRES, used, revoked);
  }

  @Test
  void pendingUntilItsExpiryThenExpired() {
    var open = invitation(Optional.empty(), Optional.empty());
    assertThat(open.statusAt(EXPIRES.minusNanos(1000))).isEqualTo(Status.PENDING);
    assertThat(open.statusAt(EXPIRES)).isEqualTo(Status.EXPIRED);
  }

  @Test
  void usedAndRevokedAreForGood() {
    assertThat(invitation(Optional.of(MADE), Optional.empty()).statusAt(EXPIRES.plusSeconds(1)))
        .isEqualTo(Status.USED);
    assertThat(invitation(Optional.empty(), Optional.of(MADE)).statusAt(MADE))
        .isEqualTo(Status.REVOKED);
    assertThat(Status.PENDING.label()).isEqualTo("pending");
  }
}
