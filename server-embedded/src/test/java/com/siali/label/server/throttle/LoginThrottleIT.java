package com.siali.label.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  private void fail(String address, String email, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(address, email);
    }
  }

  @Test
  void fiveFailuresForOneAccountAreFreeThenTheWaitDoubles() {
    fail("10.0.0.9", "lead@example.com", 4);
    assertThat(throttle.waitFor("10.0.0.9", "lead@example.com")).isEmpty();
    fail("10.0.0.9", "lead@example.com", 1);
    assertThat(throttle.waitFor("10.0.0.9", "lead@example.com")).contains(Duration.ofSeconds(1));
    fail("10.0.0.9", "lead@example.com", 1);
    assertThat(throttle.waitFor("10.0.0.9", "lead@example.com")).contains(Duration.ofSeconds(2));
    fail("10.0.0.9", "lead@example.com", 1);
    assertThat(throttle.waitFor("10.0.0.9", "LEAD@example.com "))
        .as("same account")
        .contains(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    assertThat(throttle.waitFor("10.0.0.9", "lead@example.com")).isEmpty();
  }

  @Test
  void theRealUserOnAnotherComputerIsNotLockedOut() {
    fail("10.0.0.66", "lead@example.com", 30);
    assertThat(throttle.waitFor("10.0.0.66", "lead@example.com")).isPresent();
    assertThat(throttle.waitFor("10.0.0.7", "lead@example.com")).isEmpty();
  }

  @Test
  void oneAddressGuessingManyAccountsIsSlowedToo() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("10.0.0.66", "person" + i + "@example.com");
    }
    assertThat(throttle.waitFor("10.0.0.66", "someone.else@example.com"))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void waitsAreCappedAtFifteenMinutesAndForgottenAfterAnHour() {
    fail("10.0.0.66", "lead@example.com", 40);
    assertThat(throttle.waitFor("10.0.0.66", "lead@example.com")).contains(Duration.ofMinutes(15));
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(throttle.waitFor("10.0.0.66", "lead@example.com")).isEmpty();
    throttle.recordFailure("10.0.0.66", "lead@example.com");
    assertThat(throttle.waitFor("10.0.0.66", "lead@example.com"))
        .as("counting starts again")
        .isEmpty();
  }

  @Test
  void successClearsTheCount() {
    fail("10.0.0.9", "lead@example.com", 5);
    throttle.recordSuccess("10.0.0.9", "lead@example.com");
    assertThat(throttle.waitFor("10.0.0.9", "lead@example.com")).isEmpty();
  }
}
