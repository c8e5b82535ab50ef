package com.siali.label.server.throttle;

import com.siali.label.model.AttemptCount;
import com.siali.label.service.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Successful sign-ups per client address as a token bucket: {@code capacity} at once, then one more
 * every {@code refill}. A classroom behind one NAT signs up 30 people in a couple of minutes; only
 * a pace far above that (a script creating accounts) has to wait. The buckets are in the database
 * like {@link Backoff}'s counts (ADR 0018); a bucket full again after {@code capacity × refill}
 * carries nothing and is pruned with them.
 */
final class SignupBursts {
  private static final String SCOPE = "signup.bursts";

  private final int capacity;
  private final Duration refill;
  private final AttemptCounters counters;
  private final Clock clock;

  SignupBursts(int capacity, Duration refill, AttemptCounters counters, Clock clock) {
    if (refill.multipliedBy(capacity).compareTo(AttemptCounters.KEPT) > 0) {
      throw new IllegalArgumentException("buckets are kept for " + AttemptCounters.KEPT);
    }
    this.capacity = capacity;
    this.refill = refill;
    this.counters = counters;
    this.clock = clock;
  }

  /** How long {@code key} must wait for its next sign-up, or empty if it may sign up now. */
  Optional<Duration> waitFor(String key) {
    Optional<AttemptCount> bucket = counters.find(scoped(key));
    if (bucket.isEmpty()) {
      return Optional.empty();
    }
    double tokens = filled(bucket.get(), now());
    if (tokens >= 1) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * refill.toNanos())));
  }

  void recordSuccess(String key) {
    Instant now = now();
    counters.change(
        scoped(key),
        now,
        old ->
            new AttemptCount(
                old.map(b -> Math.max(0, filled(b, now) - 1)).orElse(capacity - 1.0), now));
  }

  private String scoped(String key) {
    return SCOPE + "|" + key;
  }

  private double filled(AttemptCount bucket, Instant now) {
    double elapsed = Duration.between(bucket.at(), now).toNanos();
    return Math.min(capacity, bucket.amount() + Math.max(0, elapsed) / refill.toNanos());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
