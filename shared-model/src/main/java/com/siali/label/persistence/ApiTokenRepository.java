package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.API_TOKENS;
import static com.siali.label.persistence.jooq.Tables.USERS;

import com.siali.label.security.Tokens;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * One API token per account, looked up by its SHA-256 digest; replacing one reports to {@link
 * ChangeFeed}.
 */
public final class ApiTokenRepository {
  private final ChangeFeed changes;

  public ApiTokenRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  public void put(DSLContext ctx, long userId, String token, Instant now) {
    ctx.deleteFrom(API_TOKENS).where(API_TOKENS.USER_ID.eq(userId)).execute();
    ctx.insertInto(API_TOKENS)
        .set(API_TOKENS.USER_ID, userId)
        .set(API_TOKENS.TOKEN, token)
        .set(API_TOKENS.TOKEN_DIGEST, Tokens.sha256Hex(token))
        .set(API_TOKENS.CREATED_AT, UserRepository.at(now))
        .execute();
    changes.record(ctx, ChangeKind.TOKEN_ROTATED, userId);
  }

  public Optional<String> tokenOf(DSLContext ctx, long userId) {
    return ctx.select(API_TOKENS.TOKEN)
        .from(API_TOKENS)
        .where(API_TOKENS.USER_ID.eq(userId))
        .fetchOptional(API_TOKENS.TOKEN);
  }

  /** The active account that owns {@code token}; the stored token is compared in constant time. */
  public Optional<Long> activeOwnerOf(DSLContext ctx, String token) {
    return ctx.select(API_TOKENS.USER_ID, API_TOKENS.TOKEN)
        .from(API_TOKENS)
        .join(USERS)
        .on(USERS.ID.eq(API_TOKENS.USER_ID))
        .where(API_TOKENS.TOKEN_DIGEST.eq(Tokens.sha256Hex(token)).and(USERS.IS_ACTIVE.isTrue()))
        .fetchOptional()
        .filter(r -> Tokens.constantTimeEquals(r.value2(), token))
        .map(r -> r.value1());
  }

  public boolean isTaken(DSLContext ctx, String token) {
    return ctx.fetchExists(API_TOKENS, API_TOKENS.TOKEN_DIGEST.eq(Tokens.sha256Hex(token)));
  }
}
