package com.siali.label.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's lazy query execution on a connection while this is open: rows stream off the index as they
 * are read, instead of first being copied into a result in memory. For reads of tens or hundreds of
 * thousands of rows (People search), where the copies became work for the garbage collector.
 */
final class LazyReading implements AutoCloseable {
  private final Statement settings;

  LazyReading(Connection connection) throws SQLException {
    settings = connection.createStatement();
    settings.execute("SET LAZY_QUERY_EXECUTION TRUE");
  }

  @Override
  public void close() throws SQLException {
    try (settings) {
      settings.execute("SET LAZY_QUERY_EXECUTION FALSE");
    }
  }
}
