package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.PASSWORD_RESET_LINKS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * One-time password-reset links, keyed by the digest of their secret (the secret itself is never
 * stored). Nothing that a cache or a window follows changes here, so nothing goes to the change
 * feed: using a link changes the password and ends the sessions, and those repositories record it.
 */
public final class PasswordResetLinkRepository {

  /** Replaces the account's earlier link, if any: one live link per account. */
  public void replace(
      DSLContext ctx,
      String tokenDigest,
      long userId,
      long createdBy,
      Instant createdAt,
      Instant expiresAt) {
    ctx.deleteFrom(PASSWORD_RESET_LINKS).where(PASSWORD_RESET_LINKS.USER_ID.eq(userId)).execute();
    ctx.insertInto(PASSWORD_RESET_LINKS)
        .set(PASSWORD_RESET_LINKS.TOKEN_DIGEST, tokenDigest)
        .set(PASSWORD_RESET_LINKS.USER_ID, userId)
        .set(PASSWORD_RESET_LINKS.CREATED_BY, createdBy)
        .set(PASSWORD_RESET_LINKS.CREATED_AT, UserRepository.at(createdAt))
        .set(PASSWORD_RESET_LINKS.EXPIRES_AT, UserRepository.at(expiresAt))
        .execute();
  }

  /** The account a link that has not expired at {@code now} belongs to. */
  public Optional<Long> accountOf(DSLContext ctx, String tokenDigest, Instant now) {
    return ctx.select(PASSWORD_RESET_LINKS.USER_ID)
        .from(PASSWORD_RESET_LINKS)
        .where(PASSWORD_RESET_LINKS.TOKEN_DIGEST.eq(tokenDigest))
        .and(PASSWORD_RESET_LINKS.EXPIRES_AT.gt(UserRepository.at(now)))
        .fetchOptional(PASSWORD_RESET_LINKS.USER_ID);
  }

  /**
   * Uses the link up: deletes it if it still exists, belongs to {@code userId} and has not expired.
   * Of two concurrent uses exactly one deletes the row, so a link works once.
   */
  public boolean consume(DSLContext ctx, String tokenDigest, long userId, Instant now) {
    return ctx.deleteFrom(PASSWORD_RESET_LINKS)
            .where(PASSWORD_RESET_LINKS.TOKEN_DIGEST.eq(tokenDigest))
            .and(PASSWORD_RESET_LINKS.USER_ID.eq(userId))
            .and(PASSWORD_RESET_LINKS.EXPIRES_AT.gt(UserRepository.at(now)))
            .execute()
        == 1;
  }

  /** Expired links: nobody can use them, so they need not stay. */
  public int deleteExpired(DSLContext ctx, Instant now) {
    return ctx.deleteFrom(PASSWORD_RESET_LINKS)
        .where(PASSWORD_RESET_LINKS.EXPIRES_AT.le(UserRepository.at(now)))
        .execute();
  }
}
