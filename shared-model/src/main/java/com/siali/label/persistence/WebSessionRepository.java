package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.USERS;
import static com.siali.label.persistence.jooq.Tables.WEB_SESSIONS;

import com.siali.label.model.User;
import com.siali.label.persistence.jooq.tables.records.WebSessionsRecord;
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

  /** A session and the account it belongs to. */
  public record SessionOfAccount(StoredSession session, User account) {}

  public Optional<StoredSession> find(DSLContext ctx, String idDigest) {
    return ctx.selectFrom(WEB_SESSIONS)
        .where(WEB_SESSIONS.ID_DIGEST.eq(idDigest))
        .fetchOptional()
        .map(WebSessionRepository::stored);
  }

  /**
   * The session and its account in one statement: every page asks this of its cookie, so on
   * PostgreSQL it is one round trip, not a session read, an account read and a commit.
   */
  public Optional<SessionOfAccount> findWithAccount(DSLContext ctx, String idDigest) {
    return ctx.select(WEB_SESSIONS.fields())
        .select(USERS.fields())
        .from(WEB_SESSIONS)
        .join(USERS)
        .on(USERS.ID.eq(WEB_SESSIONS.USER_ID))
        .where(WEB_SESSIONS.ID_DIGEST.eq(idDigest))
        .fetchOptional()
        .map(
            row ->
                new SessionOfAccount(
                    stored(row.into(WEB_SESSIONS)), UserRepository.toUser(row.into(USERS))));
  }

  private static StoredSession stored(WebSessionsRecord r) {
    return new StoredSession(
        r.getUserId(),
        r.getCsrfToken(),
        r.getRememberMe(),
        r.getCreatedAt().toInstant(),
        r.getLastSeenAt().toInstant());
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
