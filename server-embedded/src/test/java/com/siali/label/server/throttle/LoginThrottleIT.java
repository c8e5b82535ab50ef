package com.siali.label.server.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on both backends: the counts live in the database (ADR 0018). */
class LoginThrottleIT {
  @TempDir Path tmp;
  CounterStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  LoginThrottle throttle;

  @BeforeEach
  void open() {
    store = new CounterStore(tmp.resolve("data"));
    throttle = new LoginThrottle(store.counters(), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

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
    assertThat(throttle.check("10.0.0.9", "lead@example.com").failuresOnRecord())
        .as("the usual log-in finds nothing to reset, so its success writes nothing")
        .isFalse();
    fail("10.0.0.9", "lead@example.com", 5);
    LoginThrottle.Check before = throttle.check("10.0.0.9", "lead@example.com");
    assertThat(before.failuresOnRecord()).isTrue();
    throttle.recordSuccess("10.0.0.9", "lead@example.com", before);
    assertThat(throttle.check("10.0.0.9", "lead@example.com").failuresOnRecord())
        .as("as the log-in page does it: the success after failures clears both counts")
        .isFalse();
  }

  @Test
  void failuresOnTwoNodesAtOnceAllCountAndTheRealUserElsewhereIsNotLockedOut() throws Exception {
    LoginThrottle otherNode = new LoginThrottle(store.anotherNode(), clock);
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> guessers = new ArrayList<>();
      for (LoginThrottle node : List.of(throttle, otherNode, throttle, otherNode)) {
        guessers.add(pool.submit(() -> fail(node, "10.0.0.66", "lead@example.com", 2)));
      }
      for (Future<?> guesser : guessers) {
        guesser.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // 8 failures, 5 free: 2^3 s on either node. A lost count would show a shorter wait.
    assertThat(throttle.waitFor("10.0.0.66", "lead@example.com")).contains(Duration.ofSeconds(8));
    assertThat(otherNode.waitFor("10.0.0.66", "lead@example.com")).contains(Duration.ofSeconds(8));
    assertThat(otherNode.waitFor("10.0.0.7", "lead@example.com")).isEmpty();
  }

  private static void fail(LoginThrottle node, String address, String email, int times) {
    for (int i = 0; i < times; i++) {
      node.recordFailure(address, email);
    }
  }
}
