package com.siali.label.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A change follower's wake-ups on PostgreSQL: one connection that {@code LISTEN}s on the feed's
 * channel, so that a commit in another process wakes the follower at once. If the connection
 * breaks, the follower waits the poll interval and this listens again on a new one; nothing is lost
 * meanwhile, since the follower reads the log itself (ADR 0014).
 */
final class PostgresWakeups implements ChangeWakeups {
  private final DataSource source;
  private volatile Connection listening;
  private volatile boolean closed;

  PostgresWakeups(DataSource source) {
    this.source = source;
  }

  @Override
  public void await(Duration max) throws InterruptedException {
    int millis = (int) Math.max(1, Math.min(max.toMillis(), Integer.MAX_VALUE));
    try {
      Connection connection = listening();
      if (connection != null) {
        connection.unwrap(PGConnection.class).getNotifications(millis);
        return;
      }
    } catch (SQLException broken) {
      forget();
    }
    if (!closed) {
      Thread.sleep(millis);
    }
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
