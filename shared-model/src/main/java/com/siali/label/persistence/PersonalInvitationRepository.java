package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.PERSONAL_INVITATIONS;
import static com.siali.label.persistence.jooq.Tables.USERS;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.PersonalInvitation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/**
 * Personal invitations (issue #17, ADR 0020), keyed by the digest of their secret as the
 * password-reset links are (the secret itself is never stored). Every write goes to the change feed
 * as {@link ChangeKind#PERSONAL_INVITATIONS_CHANGED}, so the window's list follows the web, the API
 * and the command line.
 */
public final class PersonalInvitationRepository {
  private final ChangeFeed changes;

  public PersonalInvitationRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  public long insert(
      DSLContext ctx,
      String tokenDigest,
      EmailAddress email,
      long invitedBy,
      Instant createdAt,
      Instant expiresAt) {
    long id =
        ctx.insertInto(PERSONAL_INVITATIONS)
            .set(PERSONAL_INVITATIONS.TOKEN_DIGEST, tokenDigest)
            .set(PERSONAL_INVITATIONS.EMAIL, email.value())
            .set(PERSONAL_INVITATIONS.INVITED_BY, invitedBy)
            .set(PERSONAL_INVITATIONS.CREATED_AT, UserRepository.at(createdAt))
            .set(PERSONAL_INVITATIONS.EXPIRES_AT, UserRepository.at(expiresAt))
            .returning(PERSONAL_INVITATIONS.ID)
            .fetchSingle()
            .getId();
    changes.record(ctx, ChangeKind.PERSONAL_INVITATIONS_CHANGED, 0);
    return id;
  }

  public Optional<PersonalInvitation> findById(DSLContext ctx, long id) {
    return withInviter(ctx)
        .where(PERSONAL_INVITATIONS.ID.eq(id))
        .fetchOptional()
        .map(PersonalInvitationRepository::toInvitation);
  }

  /**
   * The invitation of a link, its row locked until the transaction ends: of two sign-ups racing
   * with one link, the second waits here and then sees the first one's use.
   */
  public Optional<PersonalInvitation> findByDigestForUpdate(DSLContext ctx, String tokenDigest) {
    Optional<Long> id =
        ctx.select(PERSONAL_INVITATIONS.ID)
            .from(PERSONAL_INVITATIONS)
            .where(PERSONAL_INVITATIONS.TOKEN_DIGEST.eq(tokenDigest))
            .forUpdate()
            .fetchOptional(PERSONAL_INVITATIONS.ID);
    return id.flatMap(found -> findById(ctx, found));
  }

  public Optional<PersonalInvitation> findByDigest(DSLContext ctx, String tokenDigest) {
    return withInviter(ctx)
        .where(PERSONAL_INVITATIONS.TOKEN_DIGEST.eq(tokenDigest))
        .fetchOptional()
        .map(PersonalInvitationRepository::toInvitation);
  }

  /** The newest {@code limit} invitations, newest first. */
  public List<PersonalInvitation> newest(DSLContext ctx, int limit) {
    return withInviter(ctx)
        .orderBy(PERSONAL_INVITATIONS.CREATED_AT.desc(), PERSONAL_INVITATIONS.ID.desc())
        .limit(limit)
        .fetch(PersonalInvitationRepository::toInvitation);
  }

  /** The invitations neither used, revoked nor expired at {@code now}; of one email if given. */
  public List<Long> pendingIds(DSLContext ctx, Optional<EmailAddress> email, Instant now) {
    var pending =
        PERSONAL_INVITATIONS
            .USED_AT
            .isNull()
            .and(PERSONAL_INVITATIONS.REVOKED_AT.isNull())
            .and(PERSONAL_INVITATIONS.EXPIRES_AT.gt(UserRepository.at(now)));
    if (email.isPresent()) {
      pending = pending.and(PERSONAL_INVITATIONS.EMAIL.eq(email.get().value()));
    }
    return ctx.select(PERSONAL_INVITATIONS.ID)
        .from(PERSONAL_INVITATIONS)
        .where(pending)
        .orderBy(PERSONAL_INVITATIONS.ID)
        .forUpdate()
        .fetch(PERSONAL_INVITATIONS.ID);
  }

  /** Marks it used by the account just created with it. */
  public void markUsed(DSLContext ctx, long id, long usedBy, Instant now) {
    ctx.update(PERSONAL_INVITATIONS)
        .set(PERSONAL_INVITATIONS.USED_AT, UserRepository.at(now))
        .set(PERSONAL_INVITATIONS.USED_BY, usedBy)
        .where(PERSONAL_INVITATIONS.ID.eq(id))
        .execute();
    changes.record(ctx, ChangeKind.PERSONAL_INVITATIONS_CHANGED, 0);
  }

  /** Revokes it if it is still unused and not revoked; true if this call did. */
  public boolean markRevoked(DSLContext ctx, long id, Instant now) {
    boolean revoked =
        ctx.update(PERSONAL_INVITATIONS)
                .set(PERSONAL_INVITATIONS.REVOKED_AT, UserRepository.at(now))
                .where(PERSONAL_INVITATIONS.ID.eq(id))
                .and(PERSONAL_INVITATIONS.USED_AT.isNull())
                .and(PERSONAL_INVITATIONS.REVOKED_AT.isNull())
                .execute()
            == 1;
    if (revoked) {
      changes.record(ctx, ChangeKind.PERSONAL_INVITATIONS_CHANGED, 0);
    }
    return revoked;
  }

  private static SelectOnConditionStep<Record> withInviter(DSLContext ctx) {
    return ctx.select(PERSONAL_INVITATIONS.fields())
        .select(USERS.EMAIL)
        .from(PERSONAL_INVITATIONS)
        .leftJoin(USERS)
        .on(USERS.ID.eq(PERSONAL_INVITATIONS.INVITED_BY));
  }

  private static PersonalInvitation toInvitation(Record r) {
    String inviter = r.get(USERS.EMAIL);
    return new PersonalInvitation(
        r.get(PERSONAL_INVITATIONS.ID),
        new EmailAddress(r.get(PERSONAL_INVITATIONS.EMAIL)),
        inviter == null ? "" : inviter,
        r.get(PERSONAL_INVITATIONS.CREATED_AT).toInstant(),
        r.get(PERSONAL_INVITATIONS.EXPIRES_AT).toInstant(),
        instant(r.get(PERSONAL_INVITATIONS.USED_AT)),
        instant(r.get(PERSONAL_INVITATIONS.REVOKED_AT)));
  }

  private static Optional<Instant> instant(OffsetDateTime at) {
    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
  }
}
