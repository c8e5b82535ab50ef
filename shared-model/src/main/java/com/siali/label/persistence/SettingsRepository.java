package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.SETTINGS;

import java.util.Optional;
import org.jooq.DSLContext;

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
    ctx.mergeInto(SETTINGS)
        .using(ctx.selectOne())
        .on(SETTINGS.NAME.eq(name))
        .whenMatchedThenUpdate()
        .set(SETTINGS.SETTING_VALUE, value)
        .whenNotMatchedThenInsert(SETTINGS.NAME, SETTINGS.SETTING_VALUE)
        .values(name, value)
        .execute();
    changes.record(ctx, ChangeKind.SETTING_CHANGED, 0);
  }
}
