package com.siali.label.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one change feed that every cache and window follows (ADR 0014). Every repository method that
 * writes something a cache or a view depends on records a {@link Change} here, in the writing
 * transaction: it is appended to the {@code change_log} table, and once the transaction commits it
 * is delivered to this process's listeners, before the writing call returns. A rolled-back
 * transaction delivers nothing.
 *
 * <p>Other processes on the same database (PostgreSQL) learn of it through {@link #follow}: a
 * follower reads the log after the last sequence it saw, woken by {@code NOTIFY} and at least every
 * poll interval, and delivers what other processes wrote. When it may have missed something (the
 * database was unreachable, the log was pruned past it, a sequence never appeared) it tells every
 * listener to {@link Listener#resynchronise}: drop what it caches.
 *
 * <p>The code that wires the services makes one feed per database and hands it to the repositories
 * and to the caches and views that follow it.
 */
public final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  /**
   * PostgreSQL's channel: a notification only wakes followers, which then read the log. The {@code
   * change_log} table's trigger sends it (migration V9_1), so the name is written there too.
   */
  static final String CHANNEL = "siali_changes";

  /** How long rows stay in the log. */
  static final Duration RETENTION = Duration.ofHours(1);

  private static final int PRUNE_EVERY = 1_000;

  /** Hears of committed changes. */
  public interface Listener {
    void changed(Change change);

    /** Changes may have been missed: drop whatever is cached and read again when needed. */
    default void resynchronise() {}
  }

  /**
   * Follows writes of the People search terms and sort names: once as they are written, inside the
   * writing transaction, and again after it commits (a copy read between the two is then known to
   * be stale; ADR 0011).
   */
  public interface SearchTermsListener {
    void writing();

    void committed();
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<SearchTermsListener> searchTermsListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong appended = new AtomicLong();
  private final OwnChanges own = new OwnChanges();
  private volatile ChangeFollower follower;

  /** A listener's place in the feed; closing it stops the deliveries (a window that closes). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public Subscription subscribe(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void subscribeToSearchTerms(SearchTermsListener listener) {
    searchTermsListeners.add(listener);
  }

  /**
   * Records {@code kind} about {@code subjectId} in {@code ctx}'s transaction; delivered once it
   * commits (at once, for a statement outside a transaction).
   */
  void record(DSLContext ctx, ChangeKind kind, long subjectId) {
    // On PostgreSQL the table's trigger notifies the other processes at commit (V9_1).
    long sequence = ChangeLog.append(ctx, kind, subjectId, Instant.now());
    if (kind.changesSearchTerms()) {
      searchTermsListeners.forEach(SearchTermsListener::writing);
    }
    if (follower != null) {
      own.add(sequence); // before it commits, so that the follower never reads it as another's
    }
    Change change = new Change(sequence, kind, subjectId);
    Database.afterCommit(
        () -> {
          if (kind.changesSearchTerms()) {
            searchTermsListeners.forEach(SearchTermsListener::committed);
          }
          deliver(change);
        });
    if (appended.incrementAndGet() % PRUNE_EVERY == 0) {
      ChangeLog.pruneBefore(ctx, Instant.now().minus(RETENTION));
    }
  }

  /**
   * Starts following what other processes write to {@code db}'s log, reading it at least every
   * {@code poll} (and whenever PostgreSQL notifies).
   */
  public void follow(Database db, Duration poll) {
    follow(db, poll, ChangeFollower.MISSING_FOR);
  }

  /** As {@link #follow(Database, Duration)}; a sequence missing for {@code missingFor} resyncs. */
  synchronized void follow(Database db, Duration poll, Duration missingFor) {
    if (follower == null) {
      follower = new ChangeFollower(db, poll, missingFor, this);
      follower.start();
    }
  }

  /** Whether this process wrote the change (then it was delivered when it committed). */
  boolean isOwn(long sequence) {
    return own.remove(sequence);
  }

  /** Delivers a change read from the log, written by another process. */
  void deliverFromElsewhere(Change change) {
    if (change.kind().changesSearchTerms()) {
      searchTermsListeners.forEach(SearchTermsListener::committed);
    }
    deliver(change);
  }

  void resynchronise() {
    LOG.info("change feed: changes may have been missed; caches are dropped");
    searchTermsListeners.forEach(SearchTermsListener::committed);
    for (Listener listener : listeners) {
      try {
        listener.resynchronise();
      } catch (RuntimeException e) {
        LOG.warn("change feed listener {} failed to resynchronise", listener, e);
      }
    }
  }

  private void deliver(Change change) {
    for (Listener listener : listeners) {
      try {
        listener.changed(change);
      } catch (RuntimeException e) {
        LOG.warn("change feed listener {} failed on {}", listener, change, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (follower != null) {
      follower.close();
      follower = null;
    }
  }
}
