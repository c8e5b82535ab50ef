package com.siali.label.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Throttles sign-up attempts per client address (SECURITY.md: "Signup and invitation attempts are
 * throttled too"): 20 attempts are free, then each further one waits exponentially longer, up to 15
 * minutes. A wrong or reset invitation token counts as five attempts, so guessing tokens stops
 * quickly.
 */
public final class AttemptThrottle {
  static final int FREE = 20;
  static final int WRONG_TOKEN_WEIGHT = 5;
  private final Backoff attempts;

  public AttemptThrottle(Clock clock) {
    attempts = new Backoff(FREE, Duration.ofMinutes(15), Duration.ofHours(1), clock);
  }

  public Optional<Duration> waitFor(String address) {
    return attempts.waitFor(address);
  }

  public void recordAttempt(String address) {
    attempts.recordFailure(address);
  }

  public void recordWrongToken(String address) {
    for (int i = 0; i < WRONG_TOKEN_WEIGHT; i++) {
      attempts.recordFailure(address);
    }
  }
}
