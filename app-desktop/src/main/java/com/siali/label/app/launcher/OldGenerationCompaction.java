package com.siali.label.app.launcher;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running process's heap from growing with garbage (issue #18, ADR 0023): when the
 * serial collector's old generation holds more garbage than a threshold, it asks for a full
 * collection.
 *
 * <p>Why: the serial collector (chosen for its small footprint, tools/jdk.sh) moves objects that
 * outlive a few young collections to the old generation and collects that only when it cannot grow
 * any more. Promotion counts the uncommitted part up to {@code -Xmx} as room, so the old generation
 * grows toward 512 MB with promoted garbage (database pages, sessions, rows a cache has forgotten),
 * committing memory it never gives back: a soak showed the heap at 246 MB with 16 MB live and the
 * resident set +100 % in 10 minutes. A full collection of that live set takes tens of milliseconds
 * and lets the collector shrink the generation again. G1 does this by itself but costs about 60 MB
 * more resident memory from the start, and the idle target is 150 MB.
 *
 * <p>Nothing happens under another collector (a user's own {@code -XX:+UseG1GC}), and nothing while
 * the process is idle: without promotion the old generation's garbage does not grow.
 */
final class OldGenerationCompaction implements AutoCloseable {
  /** How often the old generation's occupancy is read (a read costs microseconds). */
  static final long EVERY_SECONDS = 10;

  /**
   * Nothing is collected in the first minute: a start fills its caches (the People copy, the
   * window's first pages) while the user types their first search, and there is room enough.
   */
  static final long FIRST_AFTER_SECONDS = 60;

  /**
   * The least garbage worth a full collection: below it a collection would give back less than the
   * resident memory's normal noise.
   */
  static final long LEAST_GARBAGE_BYTES = 24L * 1024 * 1024;

  /** The least garbage worth a full collection that keeps a nearly full generation from growing. */
  static final long LEAST_FILLING_GARBAGE_BYTES = 8L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(OldGenerationCompaction.class);

  /** Empty under another collector: nothing to watch, so no thread. */
  private final Optional<ScheduledExecutorService> scheduler;

  private OldGenerationCompaction(Optional<ScheduledExecutorService> scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts watching the serial collector's old generation; a no-op under any other collector. */
  static OldGenerationCompaction start() {
    return start(FIRST_AFTER_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  static OldGenerationCompaction start(long first, long every, TimeUnit unit) {
    Optional<MemoryPoolMXBean> oldGeneration = serialOldGeneration();
    if (oldGeneration.isEmpty()) {
      return new OldGenerationCompaction(Optional.empty());
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("old-generation").unstarted(task));
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            compactIfWorthIt(oldGeneration.get());
          } catch (RuntimeException e) {
            // a pool that cannot be read now; a thrown task would never run again
            LOG.warn("reading the old generation failed: {}", e.toString());
          }
        },
        first,
        every,
        unit);
    return new OldGenerationCompaction(Optional.of(scheduler));
  }

  /** The serial collector's old generation ("Tenured Gen"), if that collector runs. */
  static Optional<MemoryPoolMXBean> serialOldGeneration() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .filter(pool -> pool.getName().equals("Tenured Gen"))
        .findFirst();
  }

  /**
   * Collects when the old generation holds enough garbage: more than what survived its last
   * collection (it then stays within about twice its live data instead of growing to the heap's
   * limit), or, once it is four-fifths full, {@link #LEAST_FILLING_GARBAGE_BYTES} (collected now,
   * it need not grow at the next promotion).
   */
  private static void compactIfWorthIt(MemoryPoolMXBean oldGeneration) {
    MemoryUsage afterLast = oldGeneration.getCollectionUsage();
    long live = afterLast == null ? 0 : afterLast.getUsed();
    MemoryUsage now = oldGeneration.getUsage();
    if (!worthIt(now.getUsed(), now.getCommitted(), live)) {
      return;
    }
    long started = System.nanoTime();
    System.gc();
    LOG.debug(
        "old generation collected: {} of {} MB used, {} MB after its last collection, took {} ms",
        now.getUsed() >> 20,
        now.getCommitted() >> 20,
        live >> 20,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  static boolean worthIt(long used, long committed, long liveAfterLastCollection) {
    long garbage = used - liveAfterLastCollection;
    boolean outweighsTheLive = garbage > Math.max(LEAST_GARBAGE_BYTES, liveAfterLastCollection);
    boolean wouldMakeItGrow = used * 5 >= committed * 4 && garbage > LEAST_FILLING_GARBAGE_BYTES;
    return outweighsTheLive || wouldMakeItGrow;
  }

  @Override
  public void close() {
    scheduler.ifPresent(ScheduledExecutorService::shutdownNow);
  }
}
