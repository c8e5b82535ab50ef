package com.siali.label.server.throttle;

import com.siali.label.service.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Throttles sign-up abuse per client address (SECURITY.md: "Signup and invitation attempts are
 * throttled too") without getting in a classroom's way: a whole room behind one NAT may sign up at
 * once. The counts are in the database, the same whichever server node an attempt reaches (ADR
 * 0018). Two things are counted, apart:
 *
 * <ul>
 *   <li><b>Failures</b> (a refused email or password, a wrong or reset invitation token): 30 are
 *       free, then each further attempt waits exponentially longer, up to 15 minutes. A wrong token
 *       counts as five, so guessing tokens stops quickly. A success does not clear them, so an
 *       attacker cannot interleave good sign-ups with guesses.
 *   <li><b>Successful sign-ups</b>: {@value #BURST} at once, then one every {@link #REFILL} (360 an
 *       hour) — far above a classroom's pace, but a script creating accounts waits.
 * </ul>
 */
public final class AttemptThrottle {
  static final int FREE_FAILURES = 30;
  static final int WRONG_TOKEN_WEIGHT = 5;
  static final int BURST = 60;
  static final Duration REFILL = Duration.ofSeconds(10);

  /** Why a sign-up must wait, and for how long. */
  public enum Reason {
    TOO_MANY_FAILURES,
    TOO_MANY_SIGNUPS
  }

  /** A refused attempt: the true reason, and the wait before the next one may go ahead. */
  public record Wait(Reason reason, Duration duration) {}

  private final Backoff failures;
  private final SignupBursts signups;

  public AttemptThrottle(AttemptCounters counters, Clock clock) {
    failures =
        new Backoff(
            "signup.failures",
            FREE_FAILURES,
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            counters,
            clock);
    signups = new SignupBursts(BURST, REFILL, counters, clock);
  }

  /** Whether an attempt from {@code address} must wait; failures first, as the likelier abuse. */
  public Optional<Wait> waitFor(String address) {
    Optional<Duration> failed = failures.waitFor(address);
    if (failed.isPresent()) {
      return Optional.of(new Wait(Reason.TOO_MANY_FAILURES, failed.get()));
    }
    return signups.waitFor(address).map(d -> new Wait(Reason.TOO_MANY_SIGNUPS, d));
  }

  public void recordFailure(String address) {
    failures.recordFailure(address);
  }

  public void recordWrongToken(String address) {
    failures.recordFailures(address, WRONG_TOKEN_WEIGHT);
  }

  public void recordSuccess(String address) {
    signups.recordSuccess(address);
  }
}
