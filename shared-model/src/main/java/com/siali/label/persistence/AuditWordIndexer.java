package com.siali.label.persistence;

import com.siali.label.persistence.ChangeFeed.Listener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the History search words of the audit events listed in {@code audit_words_pending} (ADR
 * 0022), on a thread of its own. Woken when an event is recorded, it waits {@link #GATHER} for the
 * events that follow, then writes the words of up to {@link #BATCH} of them and takes them off the
 * list in one transaction, until the list is empty. Words that events share ("example", "192", the
 * same person's email) then go to their place in the index once per batch and not once per event:
 * written in each log-in's own transaction, the words were three quarters of what its event cost.
 *
 * <p>It also looks every {@link #SWEEP} (and at start) for events that a process listed and did not
 * get to index because it stopped. On PostgreSQL several nodes may look at once: each takes only
 * the rows no other holds ({@code SKIP LOCKED}). Until an event's words are written, a search reads
 * it from the list ({@link AuditRepository}), so it is never missed.
 */
public final class AuditWordIndexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWordIndexer.class);

  static final Duration GATHER = Duration.ofMillis(200);
  static final Duration SWEEP = Duration.ofSeconds(5);
  static final int BATCH = 500;

  private static final String TAKE =
      "SELECT event_id FROM audit_words_pending ORDER BY event_id LIMIT "
          + BATCH
          + " FOR UPDATE SKIP LOCKED";
  private static final String EVENT =
      "SELECT " + AuditSearchWords.EVENT_COLUMNS + " FROM audit_events WHERE id = ?";
  private static final String DONE = "DELETE FROM audit_words_pending WHERE event_id = ?";

  private final Database db;
  private final Thread thread;
  private final Object signal = new Object();
  private boolean woken = true; // at start: whatever an earlier run left
  private volatile boolean closed;
  private boolean failing;

  private AuditWordIndexer(Database db) {
    this.db = db;
    this.thread = Thread.ofPlatform().daemon().name("audit-words").unstarted(this::run);
  }

  /** Starts indexing {@code db}'s pending events, woken by every event {@code changes} hears of. */
  public static AuditWordIndexer following(Database db, ChangeFeed changes) {
    var indexer = new AuditWordIndexer(db);
    changes.subscribe(
        new Listener() {
          @Override
          public void changed(Change change) {
            if (change.kind() == ChangeKind.AUDIT_RECORDED) {
              indexer.wake();
            }
          }

          @Override
          public void resynchronise() {
            indexer.wake();
          }
        });
    indexer.thread.start();
    return indexer;
  }

  private void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (!closed) {
      synchronized (signal) {
        waitFor(SWEEP, () -> woken); // an event, or the sweep's time
        woken = false;
        waitFor(GATHER, () -> false); // the events that follow it
      }
      if (!closed) {
        indexAll();
      }
    }
  }

  /**
   * Waits on the signal until {@code done}, closing, or {@code time} has passed. Closing notifies
   * rather than interrupts: an interrupt during H2's file access closes the database file.
   */
  private void waitFor(Duration time, BooleanSupplier done) {
    long end = System.nanoTime() + time.toNanos();
    try {
      while (!closed && !done.getAsBoolean()) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return;
        }
        signal.wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private void indexAll() {
    try {
      while (!closed && indexBatch(db) == BATCH) {
        // a full batch: there may be more
      }
      if (failing) {
        failing = false;
        LOG.info("audit search words: written again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true; // once per outage; the next sweep tries again
        LOG.warn("audit search words: not written now, tried again later ({})", e.toString());
      }
    }
  }

  /**
   * Writes the words of up to {@link #BATCH} pending events and takes them off the list, in one
   * transaction; how many were taken (an event deleted meanwhile is only taken off).
   */
  static int indexBatch(Database db) {
    return db.inTransaction(ctx -> ctx.connectionResult(AuditWordIndexer::indexBatch));
  }

  private static int indexBatch(Connection connection) throws SQLException {
    List<Long> taken = new ArrayList<>();
    try (PreparedStatement take = connection.prepareStatement(TAKE);
        ResultSet rows = take.executeQuery()) {
      while (rows.next()) {
        taken.add(rows.getLong(1));
      }
    }
    if (taken.isEmpty()) {
      return 0;
    }
    try (PreparedStatement event = connection.prepareStatement(EVENT);
        PreparedStatement words = connection.prepareStatement(AuditSearchWords.INSERT_WORD);
        PreparedStatement done = connection.prepareStatement(DONE)) {
      int added = 0;
      for (long id : taken) {
        event.setLong(1, id);
        try (ResultSet row = event.executeQuery()) {
          if (row.next()) {
            added += AuditSearchWords.addWordsOf(row, words);
          }
        }
        done.setLong(1, id);
        done.addBatch();
      }
      if (added > 0) {
        words.executeBatch();
      }
      done.executeBatch();
    }
    return taken.size();
  }

  @Override
  public void close() {
    closed = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
