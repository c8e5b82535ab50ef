package com.siali.label.service.avatar;

import com.siali.label.model.ServiceBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many pictures are decoded at once. A big upload holds up to about 50 MB and a second of CPU
 * while it is averaged down ({@link CentreSquareReader}), so a burst of them would otherwise take
 * every core and could run the heap out; past the permits they take turns, in order, and one that
 * waits longer than the limit is told the server is busy (503 with Retry-After), as a password
 * check is.
 */
final class DecodingPermits {
  private final Semaphore permits;
  private final Duration wait;

  DecodingPermits(int permits, Duration wait) {
    this.permits = new Semaphore(permits, true);
    this.wait = wait;
  }

  /** One per core. */
  static DecodingPermits perCore() {
    return new DecodingPermits(
        Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(10));
  }

  <T> T decode(Supplier<T> work) {
    try {
      if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ServiceBusyException(
            "The server is busy with other pictures; try again in a moment.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceBusyException("Interrupted while waiting to read the picture.");
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
