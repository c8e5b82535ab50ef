package com.siali.label.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A change follower's wake-ups on PostgreSQL: one connection that {@code LISTEN}s on the feed's
 * channel, so that a commit in another process wakes the follower at once. If the connection
 * breaks, the follower waits the poll interval and this listens again on a new one; nothing is lost
 * meanwhile, since the follower reads the log itself (ADR 0014).
 *
 * <p>A notification carries the {@code application_name} of the connection that committed (the
 * log's trigger, migration V9_2). Those of this process's own pool do not wake the follower: their
 * changes were delivered when they committed, and on a busy node every other read of the log would
 * find only them. A notification with any other name wakes it as before: another process's, or that
 * of a node older than this version, whose pool is named plain {@code siali-label}.
 */
final class PostgresWakeups implements ChangeWakeups {
  private final DataSource source;
  private final String ownApplicationName;
  private volatile Connection listening;
  private volatile boolean closed;

  PostgresWakeups(DataSource source, String ownApplicationName) {
    this.source = source;
    this.ownApplicationName = ownApplicationName;
  }

  @Override
  public void await(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    try {
      Connection connection = listening();
      if (connection != null) {
        awaitOthers(connection.unwrap(PGConnection.class), deadline);
        return;
      }
    } catch (SQLException broken) {
      forget();
    }
    long millis = millisUntil(deadline);
    if (!closed && millis > 0) {
      Thread.sleep(millis);
    }
  }

  /** Waits until a notification from another process comes, or the deadline. */
  private void awaitOthers(PGConnection connection, long deadline) throws SQLException {
    for (long millis = millisUntil(deadline); millis > 0; millis = millisUntil(deadline)) {
      PGNotification[] news =
          connection.getNotifications((int) Math.min(millis, Integer.MAX_VALUE));
      if (news == null || news.length == 0 || fromAnotherProcess(news)) {
        return;
      }
    }
  }

  private boolean fromAnotherProcess(PGNotification[] news) {
    for (PGNotification notification : news) {
      if (!ownApplicationName.equals(notification.getParameter())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whole milliseconds left, rounded up, so that a wait is never 0 (which the driver takes as "for
   * ever").
   */
  private static long millisUntil(long deadline) {
    long nanos = deadline - System.nanoTime();
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }

  private synchronized Connection listening() throws SQLException {
    if (closed) {
      return null;
    }
    if (listening == null) {
      Connection connection = source.getConnection();
      connection.setAutoCommit(true);
      try (Statement listen = connection.createStatement()) {
        listen.execute("LISTEN " + ChangeFeed.CHANNEL);
      }
      listening = connection;
    }
    return listening;
  }

  private synchronized void forget() {
    Connection connection = listening;
    listening = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken: the pool replaces it
      }
    }
  }

  /** Ends the listening connection (which also ends a wait under way). */
  @Override
  public void close() {
    closed = true;
    forget();
  }

  /** For tests: breaks the listening connection as a network failure would. */
  void breakConnection() throws SQLException {
    Connection connection = listening;
    if (connection != null) {
      connection.unwrap(PGConnection.class).cancelQuery();
      connection.close();
    }
  }
}
