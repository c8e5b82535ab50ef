package com.siali.label.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * H2's lazy query execution on a connection while this is open: rows stream off the index as they
 * are read, instead of first being copied into a result in memory. For reads of tens or hundreds of
 * thousands of rows (People search), where the copies became work for the garbage collector.
 *
 * <p>On PostgreSQL the same is pgjdbc's cursor mode: a fetch size on the statements and autocommit
 * off (outside a transaction this opens one, rolled back at the end: the reads change nothing).
 * Without it pgjdbc reads the whole result into memory first.
 */
final class LazyReading implements AutoCloseable {
  /** Rows per round trip in PostgreSQL's cursor mode. */
  static final int POSTGRES_FETCH_SIZE = 8_192;

  private final Connection connection;
  private final Statement settings;
  private final PGConnection postgres;
  private final int fetchSizeBefore;
  private final boolean autoCommitBefore;

  LazyReading(Connection connection) throws SQLException {
    this.connection = connection;
    if (connection.isWrapperFor(PGConnection.class)) {
      settings = null;
      postgres = connection.unwrap(PGConnection.class);
      fetchSizeBefore = postgres.getDefaultFetchSize();
      autoCommitBefore = connection.getAutoCommit();
      postgres.setDefaultFetchSize(POSTGRES_FETCH_SIZE);
      connection.setAutoCommit(false);
    } else {
      postgres = null;
      fetchSizeBefore = 0;
      autoCommitBefore = false;
      settings = connection.createStatement();
      settings.execute("SET LAZY_QUERY_EXECUTION TRUE");
    }
  }

  @Override
  public void close() throws SQLException {
    if (postgres != null) {
      postgres.setDefaultFetchSize(fetchSizeBefore);
      if (autoCommitBefore) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return;
    }
    try (settings) {
      settings.execute("SET LAZY_QUERY_EXECUTION FALSE");
    }
  }
}
