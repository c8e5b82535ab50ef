package com.siali.label.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in the audit log, newest first: a page holds the events strictly older than the
 * cursor, in the order (time, id). Keyset paging, so a page deep in a million events costs what the
 * first one does. Its text form ({@code 1733140800123456-42}: microseconds since the epoch and the
 * id) travels in the page's "Older" link.
 */
public record AuditCursor(Instant time, long id) {
  public AuditCursor {
    Objects.requireNonNull(time, "time");
  }

  public String text() {
    long micros =
        Math.addExact(
            Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    return micros + "-" + id;
  }

  /** The cursor {@link #text} wrote; a {@link ValidationException} on anything else. */
  public static AuditCursor parse(String text) {
    int dash = text == null ? -1 : text.lastIndexOf('-');
    try {
      if (dash <= 0) {
        throw new NumberFormatException();
      }
      long micros = Long.parseLong(text.substring(0, dash));
      long id = Long.parseLong(text.substring(dash + 1));
      Instant time =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
      return new AuditCursor(time, id);
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw new ValidationException("before", "This page position is not valid.");
    }
  }
}
