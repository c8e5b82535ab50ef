package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.INVITATION_LINK;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

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
    ctx.mergeInto(INVITATION_LINK)
        .using(ctx.selectOne())
        .on(INVITATION_LINK.ID.eq(ROW))
        .whenMatchedThenUpdate()
        .set(INVITATION_LINK.TOKEN, token)
        .set(INVITATION_LINK.CREATED_AT, UserRepository.at(now))
        .whenNotMatchedThenInsert(
            INVITATION_LINK.ID, INVITATION_LINK.TOKEN, INVITATION_LINK.CREATED_AT)
        .values(ROW, token, UserRepository.at(now))
        .execute();
    changes.record(ctx, ChangeKind.INVITATION_LINK_RESET, 0);
  }
}
