package com.siali.label.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful sign-ups per client address as a token bucket: {@code capacity} at once, then one more
 * every {@code refill}. A classroom behind one NAT signs up 30 people in a couple of minutes; only
 * a pace far above that (a script creating accounts) has to wait. The map is bounded like {@link
 * Backoff}'s: full buckets carry no information and are dropped first.
 */
final class SignupBursts {
  static final int MAX_KEYS = 50_000;

  private record Bucket(double tokens, Instant at) {}

  private final int capacity;
  private final Duration refill;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  SignupBursts(int capacity, Duration refill, Clock clock) {
    this.capacity = capacity;
    this.refill = refill;
    this.clock = clock;
  }

  /** How long {@code key} must wait for its next sign-up, or empty if it may sign up now. */
  Optional<Duration> waitFor(String key) {
    Bucket b = buckets.get(key);
    if (b == null) {
      return Optional.empty();
    }
    double tokens = filled(b, clock.instant());
    if (tokens >= 1) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * refill.toNanos())));
  }

  void recordSuccess(String key) {
    Instant now = clock.instant();
    if (buckets.size() >= MAX_KEYS) {
      buckets.entrySet().removeIf(e -> filled(e.getValue(), now) >= capacity);
    }
    buckets.merge(
        key,
        new Bucket(capacity - 1, now),
        (old, fresh) -> new Bucket(Math.max(0, filled(old, now) - 1), now));
  }

  private double filled(Bucket b, Instant now) {
    double elapsed = Duration.between(b.at(), now).toNanos();
    return Math.min(capacity, b.tokens() + Math.max(0, elapsed) / refill.toNanos());
  }
}
