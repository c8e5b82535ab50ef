package com.siali.label.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Tells in-memory caches that an account changed: its row in {@code users} (profile, avatar,
 * activity, status, password, deletion), its API token, or its People search terms. Every
 * repository method that writes those tables reports here, so a new write path cannot forget a
 * cache. The code that wires the services makes one per database and hands it to the repositories
 * and to the caches that follow it.
 *
 * <p>Subscribers hear of a change after the transaction that made it has committed (see {@link
 * Database#inTransaction}), never before: a reader that loads the row after the notice sees the new
 * data. A rolled-back transaction notifies nobody. This is enough because this process is the only
 * writer of its database (ADR 0005).
 */
public final class AccountChanges {
  /**
   * Follows writes of the People search terms and sort names: once as they are written, inside the
   * writing transaction, and again after it commits (a copy read between the two is then known to
   * be stale; ADR 0011).
   */
  public interface SearchTermsListener {
    void writing();

    void committed();
  }

  private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();
  private final List<SearchTermsListener> searchTermsListeners = new CopyOnWriteArrayList<>();

  /** {@code subscriber} receives the id of every account changed from now on. */
  public void subscribe(LongConsumer subscriber) {
    subscribers.add(subscriber);
  }

  public void subscribeToSearchTerms(SearchTermsListener listener) {
    searchTermsListeners.add(listener);
  }

  /** Called by repositories inside the writing transaction; delivered after it commits. */
  void changed(long userId) {
    Database.afterCommit(() -> subscribers.forEach(s -> s.accept(userId)));
  }

  /** Called by repositories inside every transaction that writes search terms or a sort name. */
  void searchTermsChanging() {
    searchTermsListeners.forEach(SearchTermsListener::writing);
    Database.afterCommit(() -> searchTermsListeners.forEach(SearchTermsListener::committed));
  }
}
