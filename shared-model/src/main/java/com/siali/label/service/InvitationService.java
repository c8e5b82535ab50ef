package com.siali.label.service;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.ChangeKind;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.InsertRace;
import com.siali.label.persistence.InvitationRepository;
import com.siali.label.persistence.SettingsRepository;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The instance-wide invitation link (SPEC §5) and who may sign up. The token has 192 bits from
 * {@code SecureRandom}; {@link #resetLink} replaces it, and the old one is refused from then on.
 * The window, the web pages and the API all decide through here.
 */
public final class InvitationService {
  static final int TOKEN_BYTES = 24;
  private static final String OPEN_SIGNUP_SETTING = "signup.open";
  private static final String SIGNUP_PATH = "/user/signup/?token=";

  /** Whether a sign-up may go ahead, and if not, why. */
  public enum Admission {
    ALLOWED,
    /** No token, and sign-up needs the invitation link. */
    INVITATION_ONLY,
    /** A token that is not (or no longer) the current one. */
    LINK_INVALID
  }

  private final Database db;
  private final InvitationRepository invitations;
  private final SettingsRepository settings;
  private final UserRepository users;
  private final AuditTrail audit;
  private final Clock clock;
  private final FollowedValue<Boolean> openSignup;

  public InvitationService(
      Database db,
      InvitationRepository invitations,
      SettingsRepository settings,
      UserRepository users,
      ChangeFeed changes,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.settings = settings;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    // The log-in page shows it on every GET: kept in memory, dropped when any setting changes.
    this.openSignup =
        new FollowedValue<>(
            changes, change -> change.kind() == ChangeKind.SETTING_CHANGED, this::readOpenSignup);
  }

  /**
   * The current token, made on first use. Concurrent first uses on a fresh database race to create
   * the row; the losers read the winner's token ({@link InsertRace}).
   */
  public String currentToken() {
    return InsertRace.retrying(
        () ->
            db.inTransaction(
                ctx ->
                    invitations
                        .token(ctx)
                        .orElseGet(
                            () -> {
                              String token = Tokens.randomUrlSafe(TOKEN_BYTES);
                              invitations.replace(ctx, token, ServiceClock.now(clock));
                              return token;
                            })));
  }

  /**
   * Reset Link by {@code actorId}: a new token, and the actor's activity, in one transaction. The
   * old link is refused once this returns. On a fresh database concurrent resets race to create the
   * row; a loser runs again and replaces the winner's token.
   */
  public String resetLink(long actorId) {
    String token = Tokens.randomUrlSafe(TOKEN_BYTES);
    Instant now = ServiceClock.now(clock);
    InsertRace.retrying(
        () ->
            db.inTransaction(
                ctx -> {
                  invitations.replace(ctx, token, now);
                  users.touchActivity(ctx, actorId, now);
                  audit.record(
                      ctx, AuditEvent.onInstance(AuditAction.SHARED_LINK_RESET).by(actorId));
                  return token;
                }));
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
   * Who may sign up (SPEC §3, §5): with the current token, anyone; without one, only while sign-up
   * without a link is allowed ({@link #signupRequiresLink}); with a wrong or reset token, nobody.
   */
  public Admission admission(Optional<String> token, Optional<Boolean> requiresLinkByEnvironment) {
    if (token.isPresent()) {
      return accepts(token.get()) ? Admission.ALLOWED : Admission.LINK_INVALID;
    }
    return signupRequiresLink(requiresLinkByEnvironment)
        ? Admission.INVITATION_ONLY
        : Admission.ALLOWED;
  }

  /**
   * Whether sign-up needs the invitation link: {@code LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK}
   * decides when it is set for this start, else the window's stored switch.
   */
  public boolean signupRequiresLink(Optional<Boolean> requiresLinkByEnvironment) {
    return requiresLinkByEnvironment.orElseGet(() -> !openSignupAllowed());
  }

  /**
   * The stored choice of the admin console's "Allow sign-up without an invitation link" switch
   * (default on). The environment variable beats it: ask {@link #signupRequiresLink}.
   */
  public boolean openSignupAllowed() {
    return openSignup.get();
  }

  /**
   * Whether {@link #signupRequiresLink} answers without the database: the environment decides, or
   * the stored switch is in memory (it is after the first read, until it changes).
   */
  public boolean signupRuleInMemory(Optional<Boolean> requiresLinkByEnvironment) {
    return requiresLinkByEnvironment.isPresent() || openSignup.inMemory();
  }

  private boolean readOpenSignup() {
    return db.inTransaction(ctx -> settings.get(ctx, OPEN_SIGNUP_SETTING))
        .map(Boolean::parseBoolean)
        .orElse(true);
  }

  public void setOpenSignupAllowed(boolean allowed) {
    db.inTransactionDo(
        ctx -> {
          settings.put(ctx, OPEN_SIGNUP_SETTING, Boolean.toString(allowed));
          audit.record(
              ctx,
              AuditEvent.onInstance(AuditAction.SIGNUP_SWITCH_CHANGED)
                  .withDetails(
                      allowed
                          ? "sign-up without a link: allowed"
                          : "sign-up without a link: refused"));
        });
  }

  /** The sign-up page's path and query for {@code token}, as the link and the API give it. */
  public static String signupPath(String token) {
    return SIGNUP_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** The full link on a base URL such as {@code http://192.168.1.20:8080/}. */
  public static String signupLink(String baseUrl, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + signupPath(token);
  }
}
