package com.siali.label.app.cli;

import com.siali.label.model.AuditFormat;
import java.time.Instant;
import java.util.Optional;

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

  /** {@code label-studio audit}: the audit log from {@code since} on, in {@code format}. */
  CommandOutput audit(Optional<Instant> since, AuditFormat format);

  /**
   * {@code label-studio invite --email E...}: one line per link made; each refused address is a
   * line on stderr (and a non-zero exit) while the others still go through.
   */
  CommandOutput invite(java.util.List<String> emails, int expiresInDays);

  /** {@code label-studio invite --list}. */
  CommandOutput listInvitations();

  /** {@code label-studio invite --revoke ID}. */
  CommandOutput revokeInvitation(long id);

  @Override
  void close();
}
