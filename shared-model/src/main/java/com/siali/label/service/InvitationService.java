package com.siali.label.service;

import com.siali.label.persistence.Database;
import com.siali.label.persistence.InvitationRepository;
import com.siali.label.persistence.SettingsRepository;
import com.siali.label.security.Tokens;
import java.time.Clock;

/**
 * The instance-wide invitation link (SPEC §5) and whether sign-up without it is allowed. The token
 * has 192 bits from {@code SecureRandom}; {@link #resetLink()} replaces it, and the old one is
 * refused from then on.
 */
public final class InvitationService {
  static final int TOKEN_BYTES = 24;
  private static final String OPEN_SIGNUP_SETTING = "signup.open";

  private final Database db;
  private final InvitationRepository invitations;
  private final SettingsRepository settings;
  private final Clock clock;

  public InvitationService(
      Database db, InvitationRepository invitations, SettingsRepository settings, Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.settings = settings;
    this.clock = clock;
  }

  /** The current token, made on first use. */
  public String currentToken() {
    return db.inTransaction(
        ctx ->
            invitations
                .token(ctx)
                .orElseGet(
                    () -> {
                      String token = Tokens.randomUrlSafe(TOKEN_BYTES);
                      invitations.replace(ctx, token, ServiceClock.now(clock));
                      return token;
                    }));
  }

  public String resetLink() {
    String token = Tokens.randomUrlSafe(TOKEN_BYTES);
    db.inTransactionDo(ctx -> invitations.replace(ctx, token, ServiceClock.now(clock)));
    return token;
  }

  /** True when {@code candidate} is the current token (compared in constant time). */
  public boolean accepts(String candidate) {
    if (candidate == null || candidate.isEmpty()) {
      return false;
    }
    return Tokens.constantTimeEquals(currentToken(), candidate);
  }

  /**
   * The stored choice of the admin console's "Allow sign-up without an invitation link" switch
   * (default on).
   */
  public boolean openSignupAllowed() {
    return db.inTransaction(ctx -> settings.get(ctx, OPEN_SIGNUP_SETTING))
        .map(Boolean::parseBoolean)
        .orElse(true);
  }

  public void setOpenSignupAllowed(boolean allowed) {
    db.inTransactionDo(ctx -> settings.put(ctx, OPEN_SIGNUP_SETTING, Boolean.toString(allowed)));
  }
}
