package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.THROTTLE_COUNTERS;

import com.siali.label.model.AttemptCount;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The throttles' counters (ADR 0018), keyed by a digest of what they count. Nothing a cache follows
 * changes here, so nothing goes to the change feed.
 */
public final class ThrottleCounterRepository {

  public Optional<AttemptCount> find(DSLContext ctx, String keyDigest) {
    return ctx.select(THROTTLE_COUNTERS.AMOUNT, THROTTLE_COUNTERS.UPDATED_AT)
        .from(THROTTLE_COUNTERS)
        .where(THROTTLE_COUNTERS.KEY_DIGEST.eq(keyDigest))
        .fetchOptional()
        .map(ThrottleCounterRepository::count);
  }

  /** The counters of {@code keyDigests} that exist, by digest, in one statement. */
  public Map<String, AttemptCount> findAll(DSLContext ctx, Collection<String> keyDigests) {
    Map<String, AttemptCount> found = new HashMap<>();
    ctx.select(THROTTLE_COUNTERS.KEY_DIGEST, THROTTLE_COUNTERS.AMOUNT, THROTTLE_COUNTERS.UPDATED_AT)
        .from(THROTTLE_COUNTERS)
        .where(THROTTLE_COUNTERS.KEY_DIGEST.in(keyDigests))
        .forEach(
            row ->
                found.put(
                    row.value1(),
                    count(row.into(THROTTLE_COUNTERS.AMOUNT, THROTTLE_COUNTERS.UPDATED_AT))));
    return found;
  }

  /**
   * The counter, locked until the transaction ends: two processes counting the same key at once
   * take turns, so neither count is lost.
   */
  public Optional<AttemptCount> findForUpdate(DSLContext ctx, String keyDigest) {
    return ctx.select(THROTTLE_COUNTERS.AMOUNT, THROTTLE_COUNTERS.UPDATED_AT)
        .from(THROTTLE_COUNTERS)
        .where(THROTTLE_COUNTERS.KEY_DIGEST.eq(keyDigest))
        .forUpdate()
        .fetchOptional()
        .map(ThrottleCounterRepository::count);
  }

  /**
   * Inserts the first count of a key. Two processes that both found none both insert; the later
   * fails on the key (SQLSTATE 23505) and, run again through {@link InsertRace}, finds and locks
   * the winner's row.
   */
  public void insert(DSLContext ctx, String keyDigest, AttemptCount count) {
    ctx.insertInto(THROTTLE_COUNTERS)
        .set(THROTTLE_COUNTERS.KEY_DIGEST, keyDigest)
        .set(THROTTLE_COUNTERS.AMOUNT, count.amount())
        .set(THROTTLE_COUNTERS.UPDATED_AT, UserRepository.at(count.at()))
        .execute();
  }

  public void update(DSLContext ctx, String keyDigest, AttemptCount count) {
    ctx.update(THROTTLE_COUNTERS)
        .set(THROTTLE_COUNTERS.AMOUNT, count.amount())
        .set(THROTTLE_COUNTERS.UPDATED_AT, UserRepository.at(count.at()))
        .where(THROTTLE_COUNTERS.KEY_DIGEST.eq(keyDigest))
        .execute();
  }

  public void delete(DSLContext ctx, String keyDigest) {
    ctx.deleteFrom(THROTTLE_COUNTERS).where(THROTTLE_COUNTERS.KEY_DIGEST.eq(keyDigest)).execute();
  }

  /** Counters untouched since {@code cutoff}; how many were deleted. */
  public int deleteOlderThan(DSLContext ctx, Instant cutoff) {
    return ctx.deleteFrom(THROTTLE_COUNTERS)
        .where(THROTTLE_COUNTERS.UPDATED_AT.lt(UserRepository.at(cutoff)))
        .execute();
  }

  private static AttemptCount count(Record2<Double, java.time.OffsetDateTime> row) {
    return new AttemptCount(row.value1(), row.value2().toInstant());
  }
}
