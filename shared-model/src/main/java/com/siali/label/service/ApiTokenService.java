package com.siali.label.service;

import com.siali.label.model.User;
import com.siali.label.persistence.ApiTokenRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.util.Optional;

/** A person's API token: reading it, rotating it, and finding who a presented token belongs to. */
public final class ApiTokenService {
  private final Database db;
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final Clock clock;

  public ApiTokenService(Database db, UserRepository users, ApiTokenRepository tokens, Clock clock) {
    this.db = db;
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
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
          users.findById(ctx, userId).orElseThrow(() -> AccountService.notFound(userId));
          String fresh = issue(ctx, userId);
          users.touchActivity(ctx, userId, ServiceClock.now(clock));
          return fresh;
        });
  }

  /** The active account {@code token} belongs to. */
  public Optional<User> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > ApiTokenRules.MAX_LENGTH) {
      return Optional.empty();
    }
    return db.inTransaction(ctx -> tokens.activeOwnerOf(ctx, token).flatMap(id -> users.findById(ctx, id)));
  }

  private String issue(org.jooq.DSLContext ctx, long userId) {
    String token = Tokens.randomHex(AccountService.GENERATED_TOKEN_BYTES);
    tokens.put(ctx, userId, token, ServiceClock.now(clock));
    return token;
  }
}
