package com.siali.label.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = PasswordHasher.withDefaults();

  @Test
  void hashIsAnArgon2idPhcStringWithItsParameters() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify(hash, "correct horse battery")).isTrue();
    assertThat(hasher.verify(hash, "correct horse batter")).isFalse();
    assertThat(hasher.verify(hash, "correct horse battery ")).as("no trimming").isFalse();
  }

  @Test
  void longPasswordsAreNotTruncated() {
    String base = "x".repeat(127);
    String hash = hasher.hash(base + "a");
    assertThat(hasher.verify(hash, base + "b")).isFalse();
  }

  @Test
  void composedAndDecomposedFormsOfAPasswordAreTheSame() {
    String composed = "caf\u00e9 au lait";
    String decomposed = "cafe\u0301 au lait";
    assertThat(hasher.verify(hasher.hash(composed), decomposed)).isTrue();
  }

  @Test
  void hashesFromWeakerParametersNeedARehash() {
    var stronger = new PasswordHasher(new Argon2Parameters(19_456, 3, 1), 1);
    String old = hasher.hash("correct horse battery");
    assertThat(stronger.needsRehash(old)).isTrue();
    assertThat(hasher.needsRehash(old)).isFalse();
  }

  /**
   * Each thread that hashes keeps a 19 MiB block of the C library's memory for its next hash:
   * twelve log-ins at once on twelve web workers must not leave twelve such blocks behind, so
   * hashes run on the hasher's own threads.
   */
  @Test
  void aBurstOfVerificationsRunsOnNoMoreThreadsThanConcurrentHashesAndEachGetsItsOwnAnswer()
      throws Exception {
    Set<String> earlier = argon2ThreadNames();
    var twoAtATime = new PasswordHasher(Argon2Parameters.DEFAULT, 2);
    String hash = twoAtATime.hash("correct horse battery");
    Set<String> ours = argon2ThreadNames();
    ours.removeAll(earlier);
    assertThat(ours).as("the thread that made the hash").hasSize(1);
    String first = ours.iterator().next();
    String prefix = first.substring(0, first.lastIndexOf('-') + 1);
    Set<String> hashingThreads = ConcurrentHashMap.newKeySet();
    var start = new CountDownLatch(1);
    var right = new AtomicInteger();
    var wrong = new AtomicInteger();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String password = i % 2 == 0 ? "correct horse battery" : "wrong horse " + i;
      callers.add(
          Thread.ofPlatform()
              .name("caller-" + i)
              .start(
                  () -> {
                    try {
                      start.await();
                      boolean matches = twoAtATime.verify(hash, password);
                      (matches ? right : wrong).incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    Thread watcher =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    argon2ThreadNames().stream()
                        .filter(name -> name.startsWith(prefix))
                        .forEach(hashingThreads::add);
                    try {
                      Thread.sleep(2);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    start.countDown();
    for (Thread caller : callers) {
      caller.join();
    }
    watcher.interrupt();
    assertThat(right.get()).isEqualTo(6);
    assertThat(wrong.get()).isEqualTo(6);
    assertThat(hashingThreads)
        .as("threads that ran hashes")
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(2);
  }

  private static Set<String> argon2ThreadNames() {
    Set<String> names = new HashSet<>();
    Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("argon2-"))
        .forEach(names::add);
    return names;
  }

  @Test
  void tokensAreRandomAndComparedExactly() {
    assertThat(Tokens.randomHex(20))
        .hasSize(40)
        .matches("[0-9a-f]+")
        .isNotEqualTo(Tokens.randomHex(20));
    assertThat(Tokens.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Tokens.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Tokens.constantTimeEquals("abc", "abcd")).isFalse();
  }
}
