package com.siali.label.security;

import com.siali.label.model.ServiceBusyException;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id password hashing (PHC strings with the parameters inside).
 *
 * <p>Each hash takes about 19 MiB and tens of milliseconds, so hashes run on this hasher's own
 * threads, at most {@code concurrentHashes} of them (one per core by default), in the order they
 * were asked for: a flood of log-in attempts then queues here instead of exhausting memory. A
 * caller whose hash has not finished within {@link #WAIT} seconds gets {@link
 * ServiceBusyException}.
 *
 * <p>Why own threads rather than hashing on the caller's (a web worker, the console's background
 * thread): the C library gives each thread that allocates an arena of its own and keeps a freed 19
 * MiB block there for its next use. Hashed on a server's dozens of workers, that left up to one
 * block per worker resident after a burst of log-ins, and a worker's next hash often met memory
 * returned to the kernel and paid page faults for it. On a few long-lived threads the blocks stay
 * few and warm (docs/PERFORMANCE.md, log-in throughput). Idle threads end after {@link
 * #IDLE_SECONDS} seconds; a new one reuses the arena an ended one left.
 *
 * <p>Passwords are NFC-normalised (the same password typed on two keyboards gives the same bytes)
 * and otherwise used exactly as typed: no trimming, no truncation.
 */
public final class PasswordHasher {
  private static final long WAIT = 10;
  private static final long IDLE_SECONDS = 30;
  private static final AtomicInteger HASHERS = new AtomicInteger();

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Argon2Parameters parameters;
  private final ThreadPoolExecutor hashing;
  private volatile String dummyHash;

  public PasswordHasher(Argon2Parameters parameters, int concurrentHashes) {
    this.parameters = parameters;
    this.hashing = hashingThreads(concurrentHashes);
  }

  /** The default parameters, one hash at a time per core. */
  public static PasswordHasher withDefaults() {
    return withDefaults(Runtime.getRuntime().availableProcessors());
  }

  /** The default parameters, at most {@code concurrentHashes} hashes at a time. */
  public static PasswordHasher withDefaults(int concurrentHashes) {
    return new PasswordHasher(Argon2Parameters.DEFAULT, concurrentHashes);
  }

  /** How many hashes run at once at most; the others wait their turn. */
  public int concurrentHashes() {
    return hashing.getMaximumPoolSize();
  }

  public String hash(String password) {
    char[] chars = normalised(password);
    return onHashingThread(
        chars,
        () ->
            argon2.hash(
                parameters.iterations(),
                parameters.memoryKib(),
                parameters.parallelism(),
                chars,
                StandardCharsets.UTF_8));
  }

  public boolean verify(String phcHash, String password) {
    char[] chars = normalised(password);
    return onHashingThread(chars, () -> argon2.verify(phcHash, chars, StandardCharsets.UTF_8));
  }

  /**
   * Costs one verification against a fixed hash and always fails: used for unknown emails so that
   * the time a log-in takes does not reveal whether the account exists.
   */
  public void verifyAgainstDummy(String password) {
    String dummy = dummyHash;
    if (dummy == null) {
      dummy = hash("dummy password for timing equalisation");
      dummyHash = dummy;
    }
    verify(dummy, password);
  }

  /** True when the hash was made with weaker parameters than the current ones. */
  public boolean needsRehash(String phcHash) {
    return argon2.needsRehash(
        phcHash, parameters.iterations(), parameters.memoryKib(), parameters.parallelism());
  }

  private static char[] normalised(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFC).toCharArray();
  }

  /**
   * Runs {@code work} on a hashing thread and waits for it; {@code chars} are wiped once it is done
   * or dropped.
   */
  private <T> T onHashingThread(char[] chars, Callable<T> work) {
    Future<T> result =
        hashing.submit(
            () -> {
              try {
                return work.call();
              } finally {
                argon2.wipeArray(chars);
              }
            });
    try {
      return result.get(WAIT, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      drop(result, chars);
      throw new ServiceBusyException(
          "The server is busy checking passwords; try again in a moment.");
    } catch (InterruptedException e) {
      drop(result, chars);
      Thread.currentThread().interrupt();
      throw new ServiceBusyException("Interrupted while waiting to check a password.");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  /** A hash nobody waits for any more: taken out of the queue if it has not started. */
  private void drop(Future<?> result, char[] chars) {
    if (result.cancel(false) && result instanceof Runnable queued && hashing.remove(queued)) {
      argon2.wipeArray(chars);
    }
  }

  private static ThreadPoolExecutor hashingThreads(int count) {
    int hasher = HASHERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    var executor =
        new ThreadPoolExecutor(
            count,
            count,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task ->
                Thread.ofPlatform()
                    .daemon()
                    .name("argon2-" + hasher + "-" + threads.incrementAndGet())
                    .unstarted(task));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
