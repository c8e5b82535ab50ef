package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.SETTINGS;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Small named instance settings. */
public final class SettingsRepository {
  private final ChangeFeed changes;

  public SettingsRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  public Optional<String> get(DSLContext ctx, String name) {
    return ctx.select(SETTINGS.SETTING_VALUE)
        .from(SETTINGS)
        .where(SETTINGS.NAME.eq(name))
        .fetchOptional(SETTINGS.SETTING_VALUE);
  }

  public void put(DSLContext ctx, String name, String value) {
    // An upsert, not MERGE (see InvitationRepository.replace).
    Query upsert =
        ctx.insertInto(SETTINGS)
            .set(SETTINGS.NAME, name)
            .set(SETTINGS.SETTING_VALUE, value)
            .onConflict(SETTINGS.NAME)
            .doUpdate()
            .set(SETTINGS.SETTING_VALUE, value);
    try {
      upsert.execute();
    } catch (IntegrityConstraintViolationException raced) {
      // H2 runs the upsert as a MERGE, whose insert can lose a race with another one's (a key
      // violation): the row exists now, so the same statement updates it. PostgreSQL's
      // ON CONFLICT does not fail this way.
      upsert.execute();
    }
    changes.record(ctx, ChangeKind.SETTING_CHANGED, 0);
  }
}
