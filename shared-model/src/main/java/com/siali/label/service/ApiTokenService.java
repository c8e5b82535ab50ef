package com.siali.label.service;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.User;
import com.siali.label.persistence.ApiTokenRepository;
import com.siali.label.persistence.Change;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.util.Optional;

/**
 * A person's API token: reading it, rotating it, and finding who a presented token belongs to. Who
 * a token belongs to is cached in memory ({@link ApiTokenCache}); every change to an account or its
 * token, whichever service makes it, drops the account's entry before that service's call returns.
 */
public final class ApiTokenService {
  private final Database db;
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApiTokenCache cache = new ApiTokenCache();

  public ApiTokenService(
      Database db,
      UserRepository users,
      ApiTokenRepository tokens,
      ChangeFeed changes,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    changes.subscribe(
        new ChangeFeed.Listener() {
          @Override
          public void changed(Change change) {
            if (change.kind().aboutAnAccount()) {
              cache.forget(change.subjectId());
            }
          }

          @Override
          public void resynchronise() {
            cache.forgetAll();
          }
        });
  }

  public String tokenOf(long userId) {
    return db.inTransaction(
        ctx -> {
          users.findById(ctx, userId).orElseThrow(() -> AccountService.notFound(userId));
          return tokens.tokenOf(ctx, userId).orElseGet(() -> issue(ctx, userId));
        });
  }

  /** Replaces the token; the old one stops working when this returns. */
  public String rotate(long userId) {
    return db.inTransaction(
        ctx -> {
          User user =
              users.findById(ctx, userId).orElseThrow(() -> AccountService.notFound(userId));
          String fresh = issue(ctx, userId);
          users.touchActivity(ctx, userId, ServiceClock.now(clock));
          audit.record(ctx, AuditEvent.about(AuditAction.TOKEN_RESET, user));
          return fresh;
        });
  }

  /** The active account {@code token} belongs to, as it is now. */
  public Optional<User> authenticate(String token) {
    if (!plausible(token)) {
      return Optional.empty();
    }
    Optional<User> cached = cache.find(token);
    if (cached.isPresent()) {
      return cached;
    }
    long readAt = cache.generation();
    Optional<User> owner =
        db.inTransaction(
            ctx -> tokens.activeOwnerOf(ctx, token).flatMap(id -> users.findById(ctx, id)));
    owner.ifPresent(user -> cache.remember(readAt, token, user));
    return owner;
  }

  /**
   * {@link #authenticate} from memory only, for a caller that must not block (Undertow's I/O
   * thread): empty when the token is unknown, invalid or simply not cached yet; the caller then
   * takes the blocking path.
   */
  public Optional<User> authenticateCached(String token) {
    return plausible(token) ? cache.find(token) : Optional.empty();
  }

  private static boolean plausible(String token) {
    return token != null && !token.isEmpty() && token.length() <= ApiTokenRules.MAX_LENGTH;
  }

  private String issue(org.jooq.DSLContext ctx, long userId) {
    String token = Tokens.randomHex(AccountService.GENERATED_TOKEN_BYTES);
    tokens.put(ctx, userId, token, ServiceClock.now(clock));
    return token;
  }
}
