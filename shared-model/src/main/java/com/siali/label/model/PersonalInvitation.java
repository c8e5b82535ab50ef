package com.siali.label.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-up link for one email (issue #17): single use, expiring, revocable. Never its secret: only
 * the link made with it carries that, and only once.
 *
 * @param invitedBy the email of the account that made it, or empty when that account is gone
 */
public record PersonalInvitation(
    long id,
    EmailAddress email,
    String invitedBy,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> usedAt,
    Optional<Instant> revokedAt) {

  /** What became of an invitation, as the lists and the API name it. */
  public enum Status {
    PENDING,
    USED,
    EXPIRED,
    REVOKED;

    /** {@code pending}, {@code used}, …: the API's value and the lists' word. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PersonalInvitation {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(invitedBy, "invitedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usedAt, "usedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Its status at {@code now}: used and revoked are for good, pending ends at its expiry. */
  public Status statusAt(Instant now) {
    if (usedAt.isPresent()) {
      return Status.USED;
    }
    if (revokedAt.isPresent()) {
      return Status.REVOKED;
    }
    return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
  }
}
