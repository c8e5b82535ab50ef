package com.siali.label.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An account event as a service reports it to the audit trail: what happened, to whom, whether it
 * succeeded and a few words of detail. Who acted and from where come from the {@link AuditContext}
 * unless {@link #by} names the acting account. The details are written by our own code, never
 * copied from a request field that could hold a secret (no password, token, link or hash).
 *
 * @param subjectEmail kept as text, so the event reads after the account is deleted; empty when
 *     there is no subject (an instance-wide setting) or none could be told (a malformed log-in)
 */
public record AuditEvent(
    AuditAction action,
    Optional<Long> subjectId,
    String subjectEmail,
    Optional<Long> actorId,
    boolean succeeded,
    String details) {
  public static final int MAX_DETAILS = 500;

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(actorId, "actorId");
    subjectEmail = subjectEmail == null ? "" : subjectEmail;
    details = details == null ? "" : details;
    if (details.length() > MAX_DETAILS) {
      details = details.substring(0, MAX_DETAILS);
    }
  }

  /** {@code action} done to {@code subject}, succeeded, no details yet. */
  public static AuditEvent about(AuditAction action, User subject) {
    return new AuditEvent(
        action, Optional.of(subject.id()), subject.email().value(), Optional.empty(), true, "");
  }

  /** {@code action} on the whole instance (the shared link, the sign-up switch). */
  public static AuditEvent onInstance(AuditAction action) {
    return new AuditEvent(action, Optional.empty(), "", Optional.empty(), true, "");
  }

  /** A failed log-in: the account if the email named one, else only the address typed. */
  public static AuditEvent loginFailed(Optional<User> account, String typedEmail, String reason) {
    return new AuditEvent(
        AuditAction.LOGIN_FAILED,
        account.map(User::id),
        account.map(u -> u.email().value()).orElse(typedEmail),
        Optional.empty(),
        false,
        reason);
  }

  /** The same event, done by the account {@code actorId}. */
  public AuditEvent by(long actorId) {
    return new AuditEvent(
        action, subjectId, subjectEmail, Optional.of(actorId), succeeded, details);
  }

  /** The same event with {@code text} as its details. */
  public AuditEvent withDetails(String text) {
    return new AuditEvent(action, subjectId, subjectEmail, actorId, succeeded, text);
  }
}
