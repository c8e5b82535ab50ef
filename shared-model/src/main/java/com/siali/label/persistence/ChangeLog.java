package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.CHANGE_LOG;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/** The {@code change_log} table: appended in the writing transaction, read by followers. */
final class ChangeLog {
  private ChangeLog() {}

  /** Appends a change in {@code ctx}'s transaction; its sequence number. */
  static long append(DSLContext ctx, ChangeKind kind, long subjectId, Instant now) {
    return ctx.insertInto(CHANGE_LOG)
        .set(CHANGE_LOG.KIND, kind.name())
        .set(CHANGE_LOG.SUBJECT_ID, subjectId)
        .set(CHANGE_LOG.CREATED_AT, now.atOffset(ZoneOffset.UTC))
        .returning(CHANGE_LOG.SEQ)
        .fetchSingle()
        .getSeq();
  }

  /** The highest sequence number written so far (0 for none). */
  static long last(DSLContext ctx) {
    Long last = ctx.select(DSL.max(CHANGE_LOG.SEQ)).from(CHANGE_LOG).fetchOne(0, Long.class);
    return last == null ? 0 : last;
  }

  /** The changes after {@code sequence}, in order, at most {@code limit}. */
  static List<Change> after(DSLContext ctx, long sequence, int limit) {
    return ctx.select(CHANGE_LOG.SEQ, CHANGE_LOG.KIND, CHANGE_LOG.SUBJECT_ID)
        .from(CHANGE_LOG)
        .where(CHANGE_LOG.SEQ.gt(sequence))
        .orderBy(CHANGE_LOG.SEQ)
        .limit(limit)
        .fetch(ChangeLog::toChange);
  }

  /**
   * Those of {@code sequences} that are in the log now (a transaction that began before committed).
   */
  static List<Change> among(DSLContext ctx, Collection<Long> sequences) {
    return ctx.select(CHANGE_LOG.SEQ, CHANGE_LOG.KIND, CHANGE_LOG.SUBJECT_ID)
        .from(CHANGE_LOG)
        .where(CHANGE_LOG.SEQ.in(sequences))
        .orderBy(CHANGE_LOG.SEQ)
        .fetch(ChangeLog::toChange);
  }

  /** Deletes the rows written before {@code cutoff}; how many. */
  static int pruneBefore(DSLContext ctx, Instant cutoff) {
    return ctx.deleteFrom(CHANGE_LOG)
        .where(CHANGE_LOG.CREATED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
        .execute();
  }

  /** A kind this version does not know (written by a newer one) comes back as null. */
  private static Change toChange(Record3<Long, String, Long> row) {
    ChangeKind kind;
    try {
      kind = ChangeKind.valueOf(row.value2());
    } catch (IllegalArgumentException newer) {
      kind = null;
    }
    return new Change(row.value1(), kind, row.value3());
  }
}
