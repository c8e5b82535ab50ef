package com.siali.label.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded audit event, as the History screen, the page and the exports show it. Actor and
 * subject carry their email (or the channel's name for an actor that is no account) beside the id,
 * as they were when the event happened.
 */
public record AuditEntry(
    long id,
    Instant time,
    Optional<Long> actorId,
    String actor,
    AuditAction action,
    Optional<Long> subjectId,
    String subject,
    String clientAddress,
    String channel,
    boolean succeeded,
    String details) {
  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(details, "details");
  }

  public String outcome() {
    return succeeded ? "success" : "failure";
  }

  /** Where the next page, older than this entry, starts. */
  public AuditCursor cursor() {
    return new AuditCursor(time, id);
  }
}
