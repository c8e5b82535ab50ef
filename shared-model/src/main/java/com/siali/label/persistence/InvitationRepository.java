package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.INVITATION_LINK;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.IntegrityConstraintViolationException;

/** The single row holding the instance's invitation token. */
public final class InvitationRepository {
  private final ChangeFeed changes;

  public InvitationRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  private static final int ROW = 1;

  public Optional<String> token(DSLContext ctx) {
    return ctx.select(INVITATION_LINK.TOKEN)
        .from(INVITATION_LINK)
        .where(INVITATION_LINK.ID.eq(ROW))
        .fetchOptional(INVITATION_LINK.TOKEN);
  }

  /**
   * Replaces the token (or creates the row); the old token is gone when the transaction commits.
   */
  public void replace(DSLContext ctx, String token, Instant now) {
    // An upsert: INSERT ... ON CONFLICT DO UPDATE on PostgreSQL, atomic under concurrent
    // callers; jOOQ emulates it with MERGE on H2. (A plain MERGE fails on the key when two callers
    // both find no row, on either database: BackendDifferencesIT.)
    Query upsert =
        ctx.insertInto(INVITATION_LINK)
            .set(INVITATION_LINK.ID, ROW)
            .set(INVITATION_LINK.TOKEN, token)
            .set(INVITATION_LINK.CREATED_AT, UserRepository.at(now))
            .onConflict(INVITATION_LINK.ID)
            .doUpdate()
            .set(INVITATION_LINK.TOKEN, token)
            .set(INVITATION_LINK.CREATED_AT, UserRepository.at(now));
    try {
      upsert.execute();
    } catch (IntegrityConstraintViolationException raced) {
      // H2 runs the upsert as a MERGE, whose insert can lose a race with another one's (a key
      // violation): the row exists now, so the same statement updates it. PostgreSQL's
      // ON CONFLICT does not fail this way.
      upsert.execute();
    }
    changes.record(ctx, ChangeKind.INVITATION_LINK_RESET, 0);
  }
}
