package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.WEB_SESSIONS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Server-side web sessions, keyed by the digest of the session id. */
public final class WebSessionRepository {
  private final ChangeFeed changes;

  public WebSessionRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  public record StoredSession(
      long userId, String csrfToken, boolean rememberMe, Instant createdAt, Instant lastSeenAt) {}

  public void insert(
      DSLContext ctx,
      String idDigest,
      long userId,
      String csrfToken,
      boolean rememberMe,
      Instant now) {
    ctx.insertInto(WEB_SESSIONS)
        .set(WEB_SESSIONS.ID_DIGEST, idDigest)
        .set(WEB_SESSIONS.USER_ID, userId)
        .set(WEB_SESSIONS.CSRF_TOKEN, csrfToken)
        .set(WEB_SESSIONS.REMEMBER_ME, rememberMe)
        .set(WEB_SESSIONS.CREATED_AT, UserRepository.at(now))
        .set(WEB_SESSIONS.LAST_SEEN_AT, UserRepository.at(now))
        .execute();
  }

  public Optional<StoredSession> find(DSLContext ctx, String idDigest) {
    return ctx.selectFrom(WEB_SESSIONS)
        .where(WEB_SESSIONS.ID_DIGEST.eq(idDigest))
        .fetchOptional()
        .map(
            r ->
                new StoredSession(
                    r.getUserId(),
                    r.getCsrfToken(),
                    r.getRememberMe(),
                    r.getCreatedAt().toInstant(),
                    r.getLastSeenAt().toInstant()));
  }

  public void touch(DSLContext ctx, String idDigest, Instant now) {
    ctx.update(WEB_SESSIONS)
        .set(WEB_SESSIONS.LAST_SEEN_AT, UserRepository.at(now))
        .where(WEB_SESSIONS.ID_DIGEST.eq(idDigest))
        .execute();
  }

  public void delete(DSLContext ctx, String idDigest) {
    ctx.deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.ID_DIGEST.eq(idDigest)).execute();
  }

  public int deleteAllOf(DSLContext ctx, long userId) {
    int ended = ctx.deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.USER_ID.eq(userId)).execute();
    changes.record(ctx, ChangeKind.SESSIONS_ENDED, userId);
    return ended;
  }

  public int countOf(DSLContext ctx, long userId) {
    return ctx.fetchCount(WEB_SESSIONS, WEB_SESSIONS.USER_ID.eq(userId));
  }

  /** How many people other than {@code userId} hold a session that has not expired. */
  public int countPeopleSignedInExcept(
      DSLContext ctx, long userId, Instant seenAfter, Instant createdAfter) {
    return ctx.select(DSL.countDistinct(WEB_SESSIONS.USER_ID))
        .from(WEB_SESSIONS)
        .where(WEB_SESSIONS.USER_ID.ne(userId))
        .and(WEB_SESSIONS.LAST_SEEN_AT.gt(UserRepository.at(seenAfter)))
        .and(WEB_SESSIONS.CREATED_AT.gt(UserRepository.at(createdAfter)))
        .fetchOne(0, int.class);
  }
}
