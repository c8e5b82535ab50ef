package com.siali.label.server.throttle;

import com.siali.label.model.AttemptCount;
import com.siali.label.service.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failure counting with exponential back-off, per key: the first {@code free} failures cost
 * nothing; after that the next attempt must wait 1 s, 2 s, 4 s, … up to {@code longest}. Nothing
 * sleeps: a caller that comes too early is told how long to wait (HTTP 429 with {@code
 * Retry-After}). A key forgets its failures after {@code memory} without one. The counts are in the
 * database ({@link AttemptCounters}, ADR 0018), so every server node on it counts the same; a key
 * is this back-off's {@code scope} and the caller's key, so that two back-offs never share a count.
 */
public final class Backoff {
  private final String scope;
  private final int free;
  private final Duration longest;
  private final Duration memory;
  private final AttemptCounters counters;
  private final Clock clock;

  public Backoff(
      String scope,
      int free,
      Duration longest,
      Duration memory,
      AttemptCounters counters,
      Clock clock) {
    if (memory.compareTo(AttemptCounters.KEPT) > 0) {
      throw new IllegalArgumentException("counters are kept for " + AttemptCounters.KEPT);
    }
    this.scope = scope;
    this.free = free;
    this.longest = longest;
    this.memory = memory;
    this.counters = counters;
    this.clock = clock;
  }

  /**
   * What one read of {@code key}'s counter says.
   *
   * @param delay how long the key must still wait; empty if it may try now
   * @param counted whether any failure was on record (then a success has something to reset)
   */
  public record Reading(Optional<Duration> delay, boolean counted) {}

  /** How long {@code key} must still wait, or empty if it may try now. */
  public Optional<Duration> waitFor(String key) {
    return read(key).delay();
  }

  public Reading read(String key) {
    return reading(counters.find(scoped(key)));
  }

  /**
   * Reads the counters of this back-off's {@code key} and {@code other}'s {@code otherKey} in one
   * look-up; the readings in that order.
   */
  List<Reading> readWith(String key, Backoff other, String otherKey) {
    String mine = scoped(key);
    String theirs = other.scoped(otherKey);
    Map<String, AttemptCount> found = counters.findAll(List.of(mine, theirs));
    return List.of(
        reading(Optional.ofNullable(found.get(mine))),
        other.reading(Optional.ofNullable(found.get(theirs))));
  }

  private Reading reading(Optional<AttemptCount> found) {
    Instant now = now();
    if (found.isEmpty()) {
      return new Reading(Optional.empty(), false);
    }
    if (now.isAfter(found.get().at().plus(memory))) {
      return new Reading(Optional.empty(), true);
    }
    int count = (int) found.get().amount();
    if (count < free) {
      return new Reading(Optional.empty(), true);
    }
    Instant allowedAt = found.get().at().plus(delay(count - free));
    return new Reading(
        now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty(),
        true);
  }

  public void recordFailure(String key) {
    recordFailures(key, 1);
  }

  /** {@code weight} failures at once (a wrong invitation token weighs more than a typo). */
  public void recordFailures(String key, int weight) {
    Instant now = now();
    counters.change(
        scoped(key),
        now,
        old ->
            old.isEmpty() || now.isAfter(old.get().at().plus(memory))
                ? new AttemptCount(weight, now)
                : new AttemptCount(old.get().amount() + weight, now));
  }

  public void reset(String key) {
    counters.forget(scoped(key));
  }

  private String scoped(String key) {
    return scope + "|" + key;
  }

  private Duration delay(int excess) {
    long seconds = 1L << Math.min(excess, 20);
    return seconds > longest.toSeconds() ? longest : Duration.ofSeconds(seconds);
  }

  /** At the database's precision, so a count read back is the count written. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
