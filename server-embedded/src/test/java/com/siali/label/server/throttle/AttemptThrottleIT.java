package com.siali.label.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final AttemptThrottle throttle = new AttemptThrottle(clock);

  @Test
  void successfulSignupsDoNotCountAsFailures() {
    for (int i = 0; i < AttemptThrottle.BURST; i++) {
      assertThat(throttle.waitFor("10.0.0.1")).as("sign-up %d", i).isEmpty();
      throttle.recordSuccess("10.0.0.1");
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void aBurstFarAboveAClassroomsPaceWaitsForTheNextSlot() {
    for (int i = 0; i < AttemptThrottle.BURST; i++) {
      throttle.recordSuccess("10.0.0.1");
    }
    var wait = throttle.waitFor("10.0.0.1").orElseThrow();
    assertThat(wait.reason()).isEqualTo(AttemptThrottle.Reason.TOO_MANY_SIGNUPS);
    assertThat(wait.duration()).isEqualTo(AttemptThrottle.REFILL);
    assertThat(throttle.waitFor("10.0.0.2")).as("another address").isEmpty();
    clock.advance(AttemptThrottle.REFILL);
    assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
  }

  @Test
  void failuresAndWrongTokensBackOffAndASuccessDoesNotClearThem() {
    for (int i = 0; i < AttemptThrottle.FREE_FAILURES / AttemptThrottle.WRONG_TOKEN_WEIGHT; i++) {
      throttle.recordWrongToken("10.0.0.1");
    }
    throttle.recordSuccess("10.0.0.1");
    var wait = throttle.waitFor("10.0.0.1").orElseThrow();
    assertThat(wait.reason()).isEqualTo(AttemptThrottle.Reason.TOO_MANY_FAILURES);
    assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("10.0.0.7")).as("another address").isEmpty();
  }
}
