package com.siali.label.app.cli;

/**
 * The account commands an operator runs from a terminal. They run either against the database
 * directly or, when the application is running, inside it through its control socket (ADR 0005):
 * the results are the same.
 */
public interface AdminOperations extends AutoCloseable {

  /** {@code label-studio user}: the two-line user info, or the error dict. */
  CommandOutput userInfo(String email);

  /**
   * The first half of {@code reset_password}: does the account exist? (asked before prompting for a
   * password)
   */
  CommandOutput checkUserExists(String email);

  /** The second half of {@code reset_password}. */
  CommandOutput resetPassword(String email, String newPassword);

  @Override
  void close();
}
