package com.siali.label.persistence;

/**
 * The configured PostgreSQL server cannot be used: unreachable, the login refused, the database
 * missing. The message is one line naming {@code host:port/database} and the reason, never the
 * password.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message) {
    super(message, null, false, false);
  }
}
