package com.siali.label.model;

/**
 * Log-in failed. There is deliberately one message for an unknown email, a wrong password and a
 * deactivated account, so that the answer does not tell which accounts exist.
 */
public final class AuthenticationFailedException extends DomainException {
  public static final String MESSAGE = "The email and password you entered don't match.";

  public AuthenticationFailedException() {
    super(MESSAGE);
  }
}
