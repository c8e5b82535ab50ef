package com.siali.label.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the change log after the last sequence it saw, on a thread of its own, and hands what other
 * processes wrote to the {@link ChangeFeed}. A sequence that is skipped may belong to a transaction
 * that has not committed yet: it is looked for again on every read, and if it has not appeared
 * after a while ({@link #MISSING_FOR} by default: a rolled-back write, or rows pruned while this
 * process was paused) the feed resynchronises. So does a read that fails (the database is
 * unreachable), once reads work again.
 */
final class ChangeFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
  static final Duration MISSING_FOR = Duration.ofSeconds(10);
  private static final int BATCH = 1_000;
  private static final int MAX_GAP = 10_000;

  private final Database db;
  private final Duration poll;
  private final Duration missingFor;
  private final ChangeFeed feed;
  private final ChangeWakeups wakeups;
  private final Thread thread;
  private final Object sleeping = new Object();
  private volatile boolean closed;

  private long lastSeen = -1; // -1: not known yet (the database was unreachable)
  private final Map<Long, Long> missingSince = new TreeMap<>(); // sequence -> System.nanoTime()
  private boolean failing;

  ChangeFollower(Database db, Duration poll, Duration missingFor, ChangeFeed feed) {
    this.db = db;
    this.poll = poll;
    this.missingFor = missingFor;
    this.feed = feed;
    this.wakeups = db.changeWakeups();
    this.thread = Thread.ofPlatform().daemon().name("change-feed").unstarted(this::run);
  }

  void start() {
    try {
      lastSeen = ChangeLog.last(db.dsl());
    } catch (RuntimeException e) {
      failing = true;
    }
    thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        catchUp();
        if (failing) {
          failing = false;
          LOG.info("change feed: the change log can be read again");
          feed.resynchronise();
        }
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        if (!failing) {
          LOG.warn("change feed: cannot read the change log: {}", e.getMessage());
          failing = true;
        }
      }
      awaitNews();
    }
  }

  private void awaitNews() {
    try {
      if (failing) {
        synchronized (sleeping) {
          if (!closed) {
            sleeping.wait(poll.toMillis());
          }
        }
      } else {
        wakeups.await(poll);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private void catchUp() {
    DSLContext dsl = db.dsl();
    if (lastSeen < 0) {
      lastSeen = ChangeLog.last(dsl);
      failing = true; // resynchronise: whatever happened while unreachable is unknown
    }
    if (!missingSince.isEmpty()) {
      for (Change late : ChangeLog.among(dsl, new ArrayList<>(missingSince.keySet()))) {
        missingSince.remove(late.sequence());
        deliver(late);
      }
    }
    List<Change> batch;
    do {
      batch = ChangeLog.after(dsl, lastSeen, BATCH);
      for (Change change : batch) {
        long gap = change.sequence() - lastSeen - 1;
        if (gap > MAX_GAP) {
          missingSince.clear();
          feed.resynchronise();
        } else {
          long now = System.nanoTime();
          for (long skipped = lastSeen + 1; skipped < change.sequence(); skipped++) {
            missingSince.putIfAbsent(skipped, now);
          }
        }
        lastSeen = change.sequence();
        deliver(change);
      }
    } while (batch.size() == BATCH && !closed);
    forgetLongMissing();
  }

  private void forgetLongMissing() {
    long cutoff = System.nanoTime() - missingFor.toNanos();
    boolean expired = missingSince.values().removeIf(since -> since - cutoff < 0);
    if (expired) {
      feed.resynchronise();
    }
  }

  private void deliver(Change change) {
    if (change.kind() == null) {
      feed.resynchronise(); // written by a newer version: a kind this one does not know
    } else if (!feed.isOwn(change.sequence())) {
      feed.deliverFromElsewhere(change);
    }
  }

  @Override
  public void close() {
    closed = true;
    wakeups.close();
    synchronized (sleeping) {
      sleeping.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
