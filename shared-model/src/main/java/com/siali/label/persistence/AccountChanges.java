package com.siali.label.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Tells in-memory caches that an account changed: its row in {@code users} (profile, avatar,
 * activity, status, password, deletion) or its API token. Every repository method that writes those
 * tables reports here, so a new write path cannot forget a cache.
 *
 * <p>Subscribers hear of a change after the transaction that made it has committed (see {@link
 * Database#inTransaction}), never before: a reader that loads the row after the notice sees the new
 * data. A rolled-back transaction notifies nobody. This is enough because this process is the only
 * writer of its database (ADR 0005).
 */
public final class AccountChanges {
  private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();

  AccountChanges() {}

  /** {@code subscriber} receives the id of every account changed from now on. */
  public void subscribe(LongConsumer subscriber) {
    subscribers.add(subscriber);
  }

  /** Called by repositories inside the writing transaction; delivered after it commits. */
  void changed(long userId) {
    Database.afterCommit(() -> subscribers.forEach(s -> s.accept(userId)));
  }
}
