package com.siali.label.persistence;

import java.time.Duration;

/**
 * How a change follower waits for news: on PostgreSQL a {@code LISTEN} connection wakes it as soon
 * as another process commits a change; elsewhere it simply waits the poll interval.
 */
interface ChangeWakeups extends AutoCloseable {
  /** Returns when a notification comes, or after {@code max} at the latest. */
  void await(Duration max) throws InterruptedException;

  @Override
  void close();

  /** Waiting the interval out: nothing else tells of news. */
  static ChangeWakeups polling() {
    Object lock = new Object();
    return new ChangeWakeups() {
      private volatile boolean closed;

      @Override
      public void await(Duration max) throws InterruptedException {
        synchronized (lock) {
          if (!closed) {
            lock.wait(max.toMillis());
          }
        }
      }

      @Override
      public void close() {
        closed = true;
        synchronized (lock) {
          lock.notifyAll();
        }
      }
    };
  }
}
