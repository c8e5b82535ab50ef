package com.siali.label.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on both backends: the counts live in the database (ADR 0018). */
class AttemptThrottleIT {
  @TempDir Path tmp;
  CounterStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  AttemptThrottle throttle;

  @BeforeEach
  void open() {
    store = new CounterStore(tmp.resolve("data"));
    throttle = new AttemptThrottle(store.counters(), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

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

  @Test
  void wrongTokensGuessedOnTwoNodesAddUp() {
    AttemptThrottle otherNode = new AttemptThrottle(store.anotherNode(), clock);
    int half = AttemptThrottle.FREE_FAILURES / AttemptThrottle.WRONG_TOKEN_WEIGHT / 2;
    for (int i = 0; i < half; i++) {
      throttle.recordWrongToken("10.0.0.1");
      otherNode.recordWrongToken("10.0.0.1");
    }
    assertThat(otherNode.waitFor("10.0.0.1").orElseThrow().reason())
        .as("half the guesses on each node are as many as all on one")
        .isEqualTo(AttemptThrottle.Reason.TOO_MANY_FAILURES);
    assertThat(throttle.waitFor("10.0.0.1")).isPresent();
  }
}
