package com.siali.label.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * H2's pool, minus its broken connections. When H2 closes the database under its connections (a
 * write failed: the disk was full), every idle pooled connection is dead, and the pool hands each
 * out once more before dropping it: the first requests after space returned failed with "Error
 * getting connection from data source". Here a borrowed connection that reports the database closed
 * is dropped (the pool discards it) and the next one is taken, until a fresh connection reopens the
 * database; so the first request after a recovery succeeds.
 */
final class HealthyConnections implements DataSource {
  private final JdbcConnectionPool pool;

  HealthyConnections(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    // Every idle connection may be dead, plus one more try for a fresh one.
    int attempts = pool.getMaxConnections() + 2;
    for (int attempt = 1; ; attempt++) {
      try {
        return pool.getConnection();
      } catch (SQLException e) {
        if (attempt >= attempts || !isClosedDatabase(e)) {
          throw e;
        }
      }
    }
  }

  static boolean isClosedDatabase(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
        || e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
        || e.getErrorCode() == ErrorCode.OBJECT_CLOSED;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has its own credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(pool)) {
      return iface.cast(pool);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(pool);
  }
}
