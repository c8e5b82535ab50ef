package com.siali.label.security;

import com.siali.label.model.ServiceBusyException;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashing (PHC strings with the parameters inside).
 *
 * <p>Each hash takes about 19 MiB and tens of milliseconds, so at most {@code permits} run at once (one per
 * core by default): a flood of log-in attempts then queues here instead of exhausting memory. A caller that
 * cannot get a permit within {@link #WAIT} gets {@link ServiceBusyException}.
 *
 * <p>Passwords are NFC-normalised (the same password typed on two keyboards gives the same bytes) and otherwise
 * used exactly as typed: no trimming, no truncation.
 */
public final class PasswordHasher {
  private static final long WAIT = 10;

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Argon2Parameters parameters;
  private final Semaphore permits;
  private volatile String dummyHash;

  public PasswordHasher(Argon2Parameters parameters, int concurrentHashes) {
    this.parameters = parameters;
    this.permits = new Semaphore(concurrentHashes, true);
  }

  public static PasswordHasher withDefaults() {
    return new PasswordHasher(Argon2Parameters.DEFAULT, Runtime.getRuntime().availableProcessors());
  }

  public String hash(String password) {
    char[] chars = normalised(password);
    try (var permit = acquire()) {
      return argon2.hash(
          parameters.iterations(),
          parameters.memoryKib(),
          parameters.parallelism(),
          chars,
          StandardCharsets.UTF_8);
    } finally {
      argon2.wipeArray(chars);
    }
  }

  public boolean verify(String phcHash, String password) {
    char[] chars = normalised(password);
    try (var permit = acquire()) {
      return argon2.verify(phcHash, chars, StandardCharsets.UTF_8);
    } finally {
      argon2.wipeArray(chars);
    }
  }

  /**
   * Costs one verification against a fixed hash and always fails: used for unknown emails so that the time a
   * log-in takes does not reveal whether the account exists.
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

  private Permit acquire() {
    try {
      if (!permits.tryAcquire(WAIT, TimeUnit.SECONDS)) {
        throw new ServiceBusyException("The server is busy checking passwords; try again in a moment.");
      }
      return permits::release;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceBusyException("Interrupted while waiting to check a password.");
    }
  }

  @FunctionalInterface
  private interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
