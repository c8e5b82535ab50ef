package com.siali.label.persistence;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Identity columns after rows were inserted with explicit ids (a copy of another database): neither
 * PostgreSQL nor H2 2 moves the identity's next value past such ids, so the next ordinary insert
 * would collide. {@link #restart} moves it past the largest id (ADR 0013).
 */
public final class IdentitySequences {
  private IdentitySequences() {}

  /** Makes the next generated {@code column} value of {@code table} one more than its maximum. */
  public static void restart(DSLContext ctx, String table, String column) {
    long next =
        ctx.select(DSL.coalesce(DSL.max(DSL.field(DSL.name(column), Long.class)), 0L).plus(1))
            .from(DSL.table(DSL.name(table)))
            .fetchSingle()
            .value1();
    if (ctx.dialect().family() == SQLDialect.POSTGRES) {
      ctx.fetch(
          "SELECT setval(pg_get_serial_sequence({0}, {1}), {2}, false)",
          DSL.inline(table), DSL.inline(column), DSL.inline(next));
    } else {
      ctx.execute(
          "ALTER TABLE {0} ALTER COLUMN {1} RESTART WITH {2}",
          DSL.name(table), DSL.name(column), DSL.inline(next));
    }
  }
}
