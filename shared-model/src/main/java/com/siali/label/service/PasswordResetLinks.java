package com.siali.label.service;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.User;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.PasswordResetLinkRepository;
import com.siali.label.persistence.UserRepository;
import com.siali.label.persistence.WebSessionRepository;
import com.siali.label.security.PasswordHasher;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time password-reset links (issue #15, ADR 0017): the owner makes one for a person who forgot
 * their password and hands it over; the person opens it and chooses a new password. A link is 256
 * random bits, valid for {@link #VALID_FOR}, works once, and ends the person's web sessions when
 * used. Only its SHA-256 digest is stored, so the link is shown once, when it is made.
 */
public final class PasswordResetLinks {
  public static final Duration VALID_FOR = Duration.ofHours(24);
  public static final String NOT_VALID_MESSAGE =
      "This password-reset link has expired or was already used. Ask the person who gave it to you"
          + " for a new one.";
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKEN_LENGTH = 128;
  private static final Logger LOG = LoggerFactory.getLogger(PasswordResetLinks.class);

  /** A link just made: the secret goes into the URL and is never readable again. */
  public record IssuedLink(User person, String token, Instant expiresAt) {}

  private final Database db;
  private final UserRepository users;
  private final WebSessionRepository sessions;
  private final PasswordResetLinkRepository links;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  public PasswordResetLinks(
      Database db,
      UserRepository users,
      WebSessionRepository sessions,
      PasswordResetLinkRepository links,
      PasswordHasher hasher,
      PasswordPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.links = links;
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A new link for {@code targetId}, made by the owner; the account's earlier link stops working.
   * The owner's own password is changed on the Account page or with {@code reset_password}.
   */
  public IssuedLink issue(long actorId, long targetId) {
    Instant now = ServiceClock.now(clock);
    String token = Tokens.randomUrlSafe(TOKEN_BYTES);
    return db.inTransaction(
        ctx -> {
          User actor =
              users.findById(ctx, actorId).orElseThrow(() -> AccountService.notFound(actorId));
          if (!actor.owner() || !actor.active()) {
            throw new PermissionDeniedException(
                "Only the owner can reset other people's passwords.");
          }
          User target =
              users.findById(ctx, targetId).orElseThrow(() -> AccountService.notFound(targetId));
          if (target.owner()) {
            throw new PermissionDeniedException(
                "Change the owner's own password on the Account page.");
          }
          links.deleteExpired(ctx, now);
          Instant expires = now.plus(VALID_FOR);
          links.replace(ctx, Tokens.sha256Hex(token), targetId, actorId, now, expires);
          users.touchActivity(ctx, actorId, now);
          audit.record(
              ctx,
              AuditEvent.about(AuditAction.PASSWORD_RESET_LINK_CREATED, target)
                  .by(actorId)
                  .withDetails("valid for " + VALID_FOR.toHours() + " hours"));
          LOG.info("password-reset link for account {} made by {}", targetId, actorId);
          return new IssuedLink(target, token, expires);
        });
  }

  /**
   * The link to hand over, on {@code baseUrl} (scheme, host and port the person can reach); the web
   * and the window make it the same way.
   */
  public static String link(String baseUrl, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/user/reset-password/" + token + "/";
  }

  /** The active person a link that still works belongs to (the page greets them by name). */
  public Optional<User> personFor(String token) {
    if (!plausible(token)) {
      return Optional.empty();
    }
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx ->
            links
                .accountOf(ctx, Tokens.sha256Hex(token), now)
                .flatMap(id -> users.findById(ctx, id))
                .filter(User::active));
  }

  /**
   * Sets the person's new password (the sign-up rules apply) and uses the link up, in one
   * transaction that also ends every web session of the account. Throws {@link NotFoundException}
   * when the link has expired, was used, or its account was deactivated.
   */
  public User use(String token, String newPassword) {
    User person = personFor(token).orElseThrow(() -> new NotFoundException(NOT_VALID_MESSAGE));
    policy.check(newPassword, person.email());
    String hash = hasher.hash(newPassword);
    Instant now = ServiceClock.now(clock);
    String digest = Tokens.sha256Hex(token);
    int ended =
        db.inTransaction(
            ctx -> {
              boolean active =
                  users.findByIdForUpdate(ctx, person.id()).map(User::active).orElse(false);
              if (!active || !links.consume(ctx, digest, person.id(), now)) {
                throw new NotFoundException(NOT_VALID_MESSAGE);
              }
              users.updatePasswordHash(ctx, person.id(), hash);
              users.touchActivity(ctx, person.id(), now);
              int count = sessions.deleteAllOf(ctx, person.id());
              audit.record(
                  ctx,
                  AuditEvent.about(AuditAction.PASSWORD_CHANGED, person)
                      .by(person.id())
                      .withDetails(
                          "by: self, with the owner's one-time link; web sessions ended: "
                              + count));
              return count;
            });
    LOG.info(
        "password of account {} set with a reset link; {} web session(s) ended",
        person.id(),
        ended);
    return person;
  }

  private static boolean plausible(String token) {
    return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
  }
}
