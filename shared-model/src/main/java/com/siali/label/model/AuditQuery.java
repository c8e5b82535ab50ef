package com.siali.label.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events to read, newest first: a person (as actor or subject), an action, a time range
 * ({@code from} inclusive, {@code to} exclusive), words to look for in the actor, subject, address
 * and details, and where the page starts ({@code before}, keyset paging). Only fixed filters, so a
 * request never names a column.
 */
public record AuditQuery(
    Optional<Long> person,
    Optional<AuditAction> action,
    Optional<Instant> from,
    Optional<Instant> to,
    String search,
    Optional<AuditCursor> before,
    int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  public static final int MAX_SEARCH = 100;

  public AuditQuery {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(before, "before");
    search = search == null ? "" : search.strip();
    if (search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "A page holds 1 to " + MAX_LIMIT + " events.");
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new ValidationException("from", "The start date must be before the end date.");
    }
  }

  /** Every event, the first page. */
  public static AuditQuery all() {
    return new AuditQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        DEFAULT_LIMIT);
  }

  public AuditQuery forPerson(long id) {
    return forPersonIfAny(Optional.of(id));
  }

  public AuditQuery forPersonIfAny(Optional<Long> id) {
    return new AuditQuery(id, action, from, to, search, before, limit);
  }

  public AuditQuery withAction(Optional<AuditAction> a) {
    return new AuditQuery(person, a, from, to, search, before, limit);
  }

  public AuditQuery between(Optional<Instant> start, Optional<Instant> end) {
    return new AuditQuery(person, action, start, end, search, before, limit);
  }

  public AuditQuery searching(String words) {
    return new AuditQuery(person, action, from, to, words, before, limit);
  }

  public AuditQuery olderThan(Optional<AuditCursor> cursor) {
    return new AuditQuery(person, action, from, to, search, cursor, limit);
  }

  public AuditQuery limit(int size) {
    return new AuditQuery(person, action, from, to, search, before, size);
  }
}
