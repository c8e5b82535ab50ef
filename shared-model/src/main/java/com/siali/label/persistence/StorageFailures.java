package com.siali.label.persistence;

import com.siali.label.model.StorageUnavailableException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that recognises a full disk under whatever reports it: H2 (a {@code
 * MVStoreException} "Writing to … failed" over the {@code IOException}, inside a JDBC error 50000
 * or 90098 "The database has been closed") or our own file writes ({@code FileSystemException}).
 * Such a failure becomes a {@link StorageUnavailableException}, and the log gets one line naming
 * the disk (at most one every {@link #LOG_EVERY_NANOS}, as every request fails alike meanwhile). So
 * does a PostgreSQL server that cannot be reached ({@link #isConnectionLost}): a 503 to retry, not
 * a 500 with a stack trace; {@link DatabaseProbe} logs that one.
 */
public final class StorageFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StorageFailures.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  private StorageFailures() {}

  /** True when {@code failure} or one of its causes says the disk is full (or over quota). */
  public static boolean isNoSpace(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof IOException io && saysNoSpace(reason(io))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code failure} or one of its causes says the connection to the database server was
   * refused, broken or not to be had in time: SQLSTATE class 08 (connection exception), 57P01-03
   * (the server shuts down or is starting), or the pool's time-out.
   */
  public static boolean isConnectionLost(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.matches("57P0[123]")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code failure} as a {@link StorageUnavailableException} when the disk of {@code where} is full
   * (logged once) or the database server cannot be reached, else {@code failure} itself.
   */
  public static RuntimeException translate(RuntimeException failure, Path where) {
    if (failure instanceof StorageUnavailableException) {
      return failure;
    }
    if (isConnectionLost(failure)) {
      return StorageUnavailableException.databaseUnreachable();
    }
    if (!isNoSpace(failure)) {
      return failure;
    }
    logNoSpace(where);
    return new StorageUnavailableException();
  }

  /** As {@link #translate(RuntimeException, Path)}, for a file write of our own. */
  public static RuntimeException translate(IOException failure, Path where) {
    if (!isNoSpace(failure)) {
      return null;
    }
    logNoSpace(where);
    return new StorageUnavailableException();
  }

  static boolean saysNoSpace(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("no space left on device")
        || m.contains("disk quota exceeded")
        || m.contains("there is not enough space on the disk"); // Windows, ERROR_DISK_FULL
  }

  private static String reason(IOException io) {
    if (io instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return io.getMessage();
  }

  private static void logNoSpace(Path where) {
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last < LOG_EVERY_NANOS || !lastLogged.compareAndSet(last, now)) {
      return;
    }
    LOG.error("cannot save: no space left on the disk of {} ({})", where, describe(where));
  }

  private static String describe(Path where) {
    try {
      FileStore store = Files.getFileStore(where);
      return store.name() + " " + store.type() + ", " + store.getUsableSpace() / 1024 + " KiB free";
    } catch (IOException | RuntimeException e) {
      return "file system unknown";
    }
  }
}
