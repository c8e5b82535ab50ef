package com.siali.label.persistence;

import java.nio.file.Path;

/**
 * Another process has the database open (H2 file lock): the caller should talk to that process
 * instead.
 */
public final class DatabaseInUseException extends RuntimeException {
  public DatabaseInUseException(Path dataDirectory, Throwable cause) {
    super("The database in " + dataDirectory + " is in use by another process.", cause);
  }
}
