package com.siali.label.server.bench;

import com.siali.label.security.PasswordHasher;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web benchmark's yardstick for log-ins: how fast this machine verifies one Argon2 hash, alone
 * and on every core at once, straight through argon2-jvm (no {@link PasswordHasher} queue).
 */
public final class Argon2Bound {
  private static final Argon2 ARGON2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

  private final Argon2 argon2 = ARGON2;
  private final String hash;
  private final String password;

  /**
   * CPU time of one verification while all cores verify at once (they share caches and memory
   * bandwidth); set by {@link #rate}.
   */
  private double parallelVerifyCpuMillis;

  public Argon2Bound(String hash, String password) {
    this.hash = hash;
    this.password = password;
  }

  public double parallelVerifyCpuMillis() {
    return parallelVerifyCpuMillis;
  }

  /**
   * Verifications per second with {@code threads} threads verifying in a loop and nothing else
   * running, each calling Argon2 itself (no queue, no hand-off).
   */
  public double rate(int threads) throws Exception {
    var done = new AtomicInteger();
    var cpu = new AtomicLong();
    var clock = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + 5_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long start = clock.getCurrentThreadCpuTime();
                    while (System.nanoTime() < end) {
                      verify();
                      done.incrementAndGet();
                    }
                    cpu.addAndGet(clock.getCurrentThreadCpuTime() - start);
                  }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    parallelVerifyCpuMillis = cpu.get() / 1e6 / done.get();
    return done.get() / 5.0;
  }

  /**
   * One Argon2 verification on the calling thread, straight through argon2-jvm: the bound is
   * Argon2's own time, without {@link PasswordHasher}'s hand-off to its hashing threads.
   */
  private void verify() {
    if (!argon2.verify(hash, password.toCharArray(), StandardCharsets.UTF_8)) {
      throw new IllegalStateException("the benchmark's hash does not verify");
    }
  }

  /**
   * CPU time of one verification on this thread: unlike wall time, not stretched by other
   * processes.
   */
  double cpuMillis() {
    var threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < 20; i++) {
      verify();
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e6 / 20;
  }

  static final int HASH_BATCH = 10;

  /**
   * Wall time of one verification on one thread, nothing else running: five batches, mean of each.
   */
  List<Double> batches() {
    for (int i = 0; i < 5; i++) {
      verify();
    }
    List<Double> batches = new ArrayList<>();
    for (int batch = 0; batch < 5; batch++) {
      long start = System.nanoTime();
      for (int i = 0; i < HASH_BATCH; i++) {
        verify();
      }
      batches.add((System.nanoTime() - start) / 1e6 / HASH_BATCH);
    }
    return batches;
  }
}
