package com.siali.label.app.cli;

/** Start-up cannot go on (port busy, data directory unusable…); the message says what to do. */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message, null, false, false);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
