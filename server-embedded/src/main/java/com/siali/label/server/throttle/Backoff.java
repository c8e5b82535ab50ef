package com.siali.label.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure counting with exponential back-off, per key: the first {@code free} failures cost
 * nothing; after that the next attempt must wait 1 s, 2 s, 4 s, … up to {@code longest}. Nothing
 * sleeps: a caller that comes too early is told how long to wait (HTTP 429 with {@code
 * Retry-After}). A key forgets its failures after {@code memory} without one. The map is bounded:
 * past {@link #MAX_KEYS} the oldest entries are dropped first.
 */
public final class Backoff {
  static final int MAX_KEYS = 50_000;

  private record Failures(int count, Instant last) {}

  private final int free;
  private final Duration longest;
  private final Duration memory;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public Backoff(int free, Duration longest, Duration memory, Clock clock) {
    this.free = free;
    this.longest = longest;
    this.memory = memory;
    this.clock = clock;
  }

  /** How long {@code key} must still wait, or empty if it may try now. */
  public Optional<Duration> waitFor(String key) {
    Failures f = failures.get(key);
    Instant now = clock.instant();
    if (f == null || f.count() < free || now.isAfter(f.last().plus(memory))) {
      return Optional.empty();
    }
    Instant allowedAt = f.last().plus(delay(f.count() - free));
    return now.isBefore(allowedAt)
        ? Optional.of(Duration.between(now, allowedAt))
        : Optional.empty();
  }

  public void recordFailure(String key) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      prune(now);
    }
    failures.merge(
        key,
        new Failures(1, now),
        (old, one) ->
            now.isAfter(old.last().plus(memory)) ? one : new Failures(old.count() + 1, now));
  }

  public void reset(String key) {
    failures.remove(key);
  }

  private Duration delay(int excess) {
    long seconds = 1L << Math.min(excess, 20);
    return seconds > longest.toSeconds() ? longest : Duration.ofSeconds(seconds);
  }

  private void prune(Instant now) {
    failures.entrySet().removeIf(e -> now.isAfter(e.getValue().last().plus(memory)));
    if (failures.size() >= MAX_KEYS) {
      failures.entrySet().stream()
          .sorted(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
          .limit(MAX_KEYS / 10)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(failures::remove);
    }
  }
}
