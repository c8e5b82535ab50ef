package com.siali.label.service;

import com.siali.label.model.AttemptCount;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.InsertRace;
import com.siali.label.persistence.ThrottleCounterRepository;
import com.siali.label.security.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The counters behind the web server's throttles (failed log-ins, sign-up failures and bursts),
 * kept in the database (ADR 0018) so that every server node on it counts the same: an attacker
 * gains nothing by spreading guesses over nodes. What the counts mean (free attempts, back-off,
 * buckets) is the throttles' business; here a key's count is read, changed atomically, or
 * forgotten. Keys are stored as SHA-256 digests: the addresses and emails they name are not
 * readable in the table. Reading is one primary-key look-up (of one key or several); counters
 * untouched for {@link #KEPT} are pruned by every {@value #PRUNE_EVERY}th change.
 */
public final class AttemptCounters {
  /** Longer than any throttle remembers a count (an hour of back-off memory). */
  public static final Duration KEPT = Duration.ofHours(1);

  static final int PRUNE_EVERY = 500;

  private final Database db;
  private final ThrottleCounterRepository counters;
  private final AtomicLong changes = new AtomicLong();

  public AttemptCounters(Database db, ThrottleCounterRepository counters) {
    this.db = db;
    this.counters = counters;
  }

  public Optional<AttemptCount> find(String key) {
    String digest = Tokens.sha256Hex(key);
    return db.readOne(ctx -> counters.find(ctx, digest));
  }

  /**
   * The counts of {@code keys} that exist, by key, in one look-up: a log-in reads its two counters
   * in one round trip.
   */
  public Map<String, AttemptCount> findAll(List<String> keys) {
    Map<String, String> keyByDigest = new HashMap<>();
    keys.forEach(key -> keyByDigest.put(Tokens.sha256Hex(key), key));
    Map<String, AttemptCount> byDigest =
        db.readOne(ctx -> counters.findAll(ctx, keyByDigest.keySet()));
    Map<String, AttemptCount> byKey = new HashMap<>();
    byDigest.forEach((digest, count) -> byKey.put(keyByDigest.get(digest), count));
    return byKey;
  }

  /**
   * Replaces the count of {@code key} by {@code change} of it (empty: none yet), under a row lock,
   * so that concurrent changes from any process each count. Returns the new count.
   */
  public AttemptCount change(
      String key, Instant now, Function<Optional<AttemptCount>, AttemptCount> change) {
    String digest = Tokens.sha256Hex(key);
    AttemptCount changed =
        InsertRace.retrying(
            () ->
                db.inTransaction(
                    ctx -> {
                      Optional<AttemptCount> old = counters.findForUpdate(ctx, digest);
                      AttemptCount fresh = change.apply(old);
                      if (old.isPresent()) {
                        counters.update(ctx, digest, fresh);
                      } else {
                        counters.insert(ctx, digest, fresh);
                      }
                      return fresh;
                    }));
    if (changes.incrementAndGet() % PRUNE_EVERY == 0) {
      prune(now);
    }
    return changed;
  }

  public void forget(String key) {
    String digest = Tokens.sha256Hex(key);
    db.inTransactionDo(ctx -> counters.delete(ctx, digest));
  }

  /** Deletes the counters untouched for {@link #KEPT} before {@code now}; how many. */
  public int prune(Instant now) {
    return db.inTransaction(ctx -> counters.deleteOlderThan(ctx, now.minus(KEPT)));
  }
}
