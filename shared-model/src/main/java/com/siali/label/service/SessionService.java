package com.siali.label.service;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.User;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.persistence.WebSessionRepository;
import com.siali.label.persistence.WebSessionRepository.SessionOfAccount;
import com.siali.label.persistence.WebSessionRepository.StoredSession;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side web sessions (SPEC §8): stored in the database so a restart keeps people signed in,
 * ended at log-out, password change, deactivation and deletion; idle expiry 5 days, absolute 14
 * days.
 */
public final class SessionService {
  public static final Duration IDLE_TIMEOUT = Duration.ofDays(5);
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(14);
  private static final int ID_BYTES = 32;

  /**
   * The idle timeout is days long, so "last seen" needs only minute precision; refreshing it at
   * most once a minute keeps page views from writing to the database on every request.
   */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  /** A session just started: the id goes into the cookie, the CSRF token into forms. */
  public record NewSession(String id, String csrfToken) {}

  /** A valid session and the active account it belongs to. */
  public record ActiveSession(User user, String csrfToken, boolean rememberMe) {}

  /** A successful web log-in: the account and its new session. */
  public record LoggedIn(User user, NewSession session) {}

  private final Database db;
  private final UserRepository users;
  private final WebSessionRepository sessions;
  private final AccountService accounts;
  private final AuditTrail audit;
  private final Clock clock;

  public SessionService(
      Database db,
      UserRepository users,
      WebSessionRepository sessions,
      AccountService accounts,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Checks the email and password (same rules and single failure message as {@link
   * AccountService#authenticate}) and starts a session; the session and the account's activity are
   * written in one transaction.
   */
  public LoggedIn logIn(String email, String password, boolean rememberMe) {
    User user = accounts.verify(email, password);
    Instant now = ServiceClock.now(clock);
    NewSession session =
        db.inTransaction(
            ctx -> {
              users.touchActivity(ctx, user.id(), now);
              audit.record(ctx, AuditEvent.about(AuditAction.LOGGED_IN, user));
              return insertNew(ctx, user.id(), rememberMe, now);
            });
    return new LoggedIn(user, session);
  }

  public NewSession start(long userId, boolean rememberMe) {
    return db.inTransaction(ctx -> insertNew(ctx, userId, rememberMe, ServiceClock.now(clock)));
  }

  /** A fresh session id and CSRF token; only the id's digest is stored. */
  private NewSession insertNew(
      org.jooq.DSLContext ctx, long userId, boolean rememberMe, Instant now) {
    String id = Tokens.randomUrlSafe(ID_BYTES);
    String csrf = Tokens.randomUrlSafe(ID_BYTES);
    sessions.insert(ctx, Tokens.sha256Hex(id), userId, csrf, rememberMe, now);
    return new NewSession(id, csrf);
  }

  /**
   * The session for a cookie value, if it exists, has not expired, and its account is active. Every
   * page asks this, so the usual case is one read in auto-commit (session and account together);
   * only an expired session's removal and the once-a-minute touch write.
   */
  public Optional<ActiveSession> find(String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 128) {
      return Optional.empty();
    }
    String digest = Tokens.sha256Hex(sessionId);
    Instant now = ServiceClock.now(clock);
    Optional<SessionOfAccount> found = db.readOne(ctx -> sessions.findWithAccount(ctx, digest));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredSession stored = found.get().session();
    User user = found.get().account();
    boolean expired =
        now.isAfter(stored.lastSeenAt().plus(IDLE_TIMEOUT))
            || now.isAfter(stored.createdAt().plus(ABSOLUTE_TIMEOUT));
    if (expired || !user.active()) {
      db.inTransactionDo(ctx -> sessions.delete(ctx, digest));
      return Optional.empty();
    }
    if (now.isAfter(stored.lastSeenAt().plus(TOUCH_INTERVAL))) {
      db.inTransactionDo(ctx -> sessions.touch(ctx, digest, now));
    }
    return Optional.of(new ActiveSession(user, stored.csrfToken(), stored.rememberMe()));
  }

  /** Log-out: ends the session, and records it if the session still existed. */
  public void end(String sessionId) {
    String digest = Tokens.sha256Hex(sessionId);
    db.inTransactionDo(
        ctx -> {
          var user = sessions.find(ctx, digest).flatMap(s -> users.findById(ctx, s.userId()));
          sessions.delete(ctx, digest);
          user.ifPresent(
              u -> audit.record(ctx, AuditEvent.about(AuditAction.LOGGED_OUT, u).by(u.id())));
        });
  }

  /** Ends a session without a log-out in the audit log (a remembered sign-in replaced). */
  public void discard(String sessionId) {
    db.inTransactionDo(ctx -> sessions.delete(ctx, Tokens.sha256Hex(sessionId)));
  }

  /** The window's Sign out: its remembered session ends, if any, and the log-out is recorded. */
  public void signOutOfWindow(long userId, Optional<String> rememberedSessionId) {
    db.inTransactionDo(
        ctx -> {
          rememberedSessionId.ifPresent(id -> sessions.delete(ctx, Tokens.sha256Hex(id)));
          users
              .findById(ctx, userId)
              .ifPresent(
                  u -> audit.record(ctx, AuditEvent.about(AuditAction.LOGGED_OUT, u).by(userId)));
        });
  }

  /** Ends every web session of {@code userId} (the window's Sign Out Everywhere), recorded. */
  public int endAllOf(long userId) {
    return db.inTransaction(
        ctx -> {
          int ended = sessions.deleteAllOf(ctx, userId);
          users
              .findById(ctx, userId)
              .ifPresent(
                  u ->
                      audit.record(
                          ctx,
                          AuditEvent.about(AuditAction.SESSIONS_ENDED, u)
                              .withDetails("web sessions ended: " + ended)));
          return ended;
        });
  }

  public int countOf(long userId) {
    return db.inTransaction(ctx -> sessions.countOf(ctx, userId));
  }

  /**
   * How many other people are signed in on the LAN pages now (the console asks before it stops the
   * server).
   */
  public int countPeopleSignedInExcept(long userId) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx ->
            sessions.countPeopleSignedInExcept(
                ctx, userId, now.minus(IDLE_TIMEOUT), now.minus(ABSOLUTE_TIMEOUT)));
  }
}
