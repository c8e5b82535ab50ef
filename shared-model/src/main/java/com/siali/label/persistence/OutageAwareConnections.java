package com.siali.label.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The PostgreSQL pool as requests see it: a connection is waited for in short slices, and between
 * two the {@link DatabaseProbe}'s verdict is read, so that a request which arrived in the moment
 * before the probe noticed an outage is refused as soon as it does, not after the pool's whole wait
 * (issue #16: such a request waited 5 s per connection). A slice that failed because the server
 * refused new connections asks the probe to check at once rather than at its next period. A pool
 * merely exhausted by load still gets the whole {@link #waitMillis}.
 */
final class OutageAwareConnections implements DataSource {
  /** HikariCP's shortest connection time-out, which the pool is configured with. */
  static final long SLICE_MILLIS = 250;

  private final DataSource pool;
  private final DatabaseProbe probe;
  private final long waitMillis;

  OutageAwareConnections(DataSource pool, DatabaseProbe probe, long waitMillis) {
    this.pool = pool;
    this.probe = probe;
    this.waitMillis = waitMillis;
  }

  @Override
  public Connection getConnection() throws SQLException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000L;
    while (true) {
      refuseDuringAnOutage();
      try {
        return pool.getConnection();
      } catch (SQLTransientConnectionException timedOut) {
        if (timedOut.getCause() != null) {
          // The pool could not open a connection: the server may be gone. Ask now.
          probe.checkSoon();
        }
        if (System.nanoTime() - deadline >= 0) {
          throw timedOut;
        }
      }
    }
  }

  private void refuseDuringAnOutage() throws SQLException {
    var problem = probe.problem();
    if (problem.isPresent()) {
      throw new SQLTransientConnectionException(
          "the database cannot be reached: " + problem.get(), "08001");
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's own credentials are used");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(pool) || pool.isWrapperFor(type);
  }
}
