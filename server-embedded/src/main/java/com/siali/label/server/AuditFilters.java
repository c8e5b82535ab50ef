package com.siali.label.server;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditCursor;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.ValidationException;
import com.siali.label.server.http.WebRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log's filters as the page and {@code GET /api/audit} take them from the query string:
 * {@code person} (an account id), {@code action} (a wire name), {@code from} and {@code to} (a day,
 * {@code YYYY-MM-DD} in UTC, both included, or an ISO-8601 instant), {@code q} (words), {@code
 * before} (the next page's cursor) and {@code limit}. A value that cannot be read is a {@link
 * ValidationException} naming it (a 400 with its detail, or the page's message).
 */
public final class AuditFilters {
  private AuditFilters() {}

  public static AuditQuery from(WebRequest request) {
    Optional<Instant> from =
        request.queryParam("from").filter(s -> !s.isBlank()).map(s -> instant("from", s, false));
    Optional<Instant> to =
        request.queryParam("to").filter(s -> !s.isBlank()).map(s -> instant("to", s, true));
    return new AuditQuery(
        request.queryParam("person").filter(s -> !s.isBlank()).map(AuditFilters::person),
        request.queryParam("action").filter(s -> !s.isBlank()).map(AuditFilters::action),
        from,
        to,
        request.queryParam("q").orElse(""),
        request.queryParam("before").filter(s -> !s.isBlank()).map(AuditCursor::parse),
        request.queryParam("limit").map(AuditFilters::limit).orElse(AuditQuery.DEFAULT_LIMIT));
  }

  /** A day means its start; as the end of a range ({@code to}) the start of the next day. */
  static Instant instant(String field, String text, boolean end) {
    String value = text.strip();
    try {
      if (value.contains("T")) {
        return Instant.parse(value);
      }
      LocalDate day = LocalDate.parse(value);
      return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          field,
          field
              + ": \""
              + shortened(value)
              + "\" is not a date (YYYY-MM-DD) or an ISO-8601 time"
              + " such as 2026-12-01T09:30:00Z.");
    }
  }

  private static long person(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException("person", "person: an account id is a number.");
    }
  }

  private static AuditAction action(String text) {
    return AuditAction.fromWireName(text.strip())
        .orElseThrow(
            () ->
                new ValidationException(
                    "action",
                    "action: \""
                        + shortened(text)
                        + "\" is not one of "
                        + Arrays.stream(AuditAction.values())
                            .map(AuditAction::wireName)
                            .collect(Collectors.joining(", "))
                        + "."));
  }

  private static int limit(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          "limit", "limit: a page holds 1 to " + AuditQuery.MAX_LIMIT + " events.");
    }
  }

  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
