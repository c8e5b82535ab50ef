package com.siali.label.persistence;

/**
 * The database variables or {@code --database-url} are wrong (an unknown {@code DJANGO_DB}, a
 * malformed URL, a password on the command line): the message names the variable or option and what
 * it accepts. The command line reports it as a usage error (exit 2).
 */
public final class DatabaseSettingsException extends RuntimeException {
  public DatabaseSettingsException(String message) {
    super(message, null, false, false);
  }
}
