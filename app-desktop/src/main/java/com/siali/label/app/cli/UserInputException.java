package com.siali.label.app.cli;

/** A mistake in what the operator typed or set; printed as one line on stderr, exit code 2. */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message, null, false, false);
  }
}
