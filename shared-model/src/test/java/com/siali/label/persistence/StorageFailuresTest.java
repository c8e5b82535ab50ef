package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.StorageUnavailableException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.jdbc.JdbcSQLNonTransientConnectionException;
import org.h2.jdbc.JdbcSQLNonTransientException;
import org.h2.mvstore.MVStoreException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The exact chains H2 2.x and the JDK report on a full disk (recorded on an 8 MiB tmpfs). */
class StorageFailuresTest {
  static final Path HERE = Path.of(".");

  static RuntimeException h2Commit() {
    var io = new IOException("No space left on device");
    var store =
        new MVStoreException(2, "Writing to sun.nio.ch.FileChannelImpl@1 failed; length 8192");
    store.initCause(io);
    SQLException jdbc =
        new JdbcSQLNonTransientException(
            "General error: \"" + store + "\"", "COMMIT", "HY000", 50000, store, null);
    return new DataAccessException("Cannot commit transaction", jdbc);
  }

  static RuntimeException h2Closed() {
    var io = new IOException("No space left on device");
    var store = new MVStoreException(2, "Writing to … failed");
    store.initCause(io);
    SQLException jdbc =
        new JdbcSQLNonTransientConnectionException(
            "The database has been closed", null, "90098", 90098, store, null);
    return new DataAccessException("Error getting connection from data source", jdbc);
  }

  @Test
  void h2sWriteFailuresOverAFullDiskBecomeStorageUnavailable() {
    assertThat(StorageFailures.translate(h2Commit(), HERE))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(StorageFailures.translate(h2Closed(), HERE))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void ourOwnFileWritesOverAFullDiskToo() {
    var write =
        new FileSystemException("/data/avatars/upload1.tmp", null, "No space left on device");
    assertThat(StorageFailures.translate(write, HERE))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(StorageFailures.translate(new IOException("Disk quota exceeded"), HERE))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void otherFailuresStayAsTheyAre() {
    RuntimeException other = new DataAccessException("syntax", new SQLException("bad", "42000"));
    assertThat(StorageFailures.translate(other, HERE)).isSameAs(other);
    assertThat(StorageFailures.translate(new IOException("Permission denied"), HERE)).isNull();
    RuntimeException already = new StorageUnavailableException();
    assertThat(StorageFailures.translate(already, HERE)).isSameAs(already);
  }
}
