package com.siali.label.app.launcher;

import com.siali.label.service.AuditRetention;
import com.siali.label.service.AuditTrail;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the audit log to its retention (issue #17) beside the start and then once a day, on a
 * daemon thread of its own, so a start never waits for a large delete.
 */
final class AuditPruning implements AutoCloseable {
  static final Duration EVERY = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(AuditPruning.class);

  private final ScheduledExecutorService scheduler;

  private AuditPruning(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  static AuditPruning start(AuditTrail audit, AuditRetention retention) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("audit-pruning").unstarted(task));
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            audit.prune(retention.keep());
          } catch (RuntimeException e) {
            // The database may be closing, or briefly unreachable; the next run prunes again.
            LOG.warn("audit log pruning failed: {}", e.toString());
          }
        },
        0,
        EVERY.toSeconds(),
        TimeUnit.SECONDS);
    return new AuditPruning(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
