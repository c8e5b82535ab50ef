package com.siali.label.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The audit log's two export formats. CSV (RFC 4180, CRLF) with every text cell neutralised against
 * formula injection the way {@link PeopleCsv} does it; JSON Lines, one object per event, with the
 * same fields.
 */
public enum AuditFormat {
  CSV("text/csv; charset=utf-8", "csv"),
  JSONL("application/x-ndjson; charset=utf-8", "jsonl");

  public static final String CSV_HEADER =
      "time,actor_id,actor,action,subject_id,subject,client_address,channel,outcome,details";

  private final String contentType;
  private final String extension;

  AuditFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** {@code csv} or {@code jsonl}; a {@link ValidationException} naming {@code field} otherwise. */
  public static AuditFormat parse(String text, String field) {
    String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "csv" -> CSV;
      case "jsonl" -> JSONL;
      default -> throw new ValidationException(field, "The format must be csv or jsonl.");
    };
  }

  /** What comes before the first row (the CSV header line). */
  public void begin(Appendable out) {
    if (this == CSV) {
      append(out, CSV_HEADER + "\r\n");
    }
  }

  public void write(Appendable out, AuditEntry e) {
    String time = e.time().truncatedTo(ChronoUnit.MICROS).toString();
    String actorId = e.actorId().map(String::valueOf).orElse("");
    String subjectId = e.subjectId().map(String::valueOf).orElse("");
    if (this == CSV) {
      append(
          out,
          String.join(
                  ",",
                  time,
                  actorId,
                  PeopleCsv.cell(e.actor()),
                  e.action().wireName(),
                  subjectId,
                  PeopleCsv.cell(e.subject()),
                  PeopleCsv.cell(e.clientAddress()),
                  PeopleCsv.cell(e.channel()),
                  e.outcome(),
                  PeopleCsv.cell(e.details()))
              + "\r\n");
      return;
    }
    append(
        out,
        "{\"time\":"
            + quoted(time)
            + ",\"actor_id\":"
            + (actorId.isEmpty() ? "null" : actorId)
            + ",\"actor\":"
            + quoted(e.actor())
            + ",\"action\":"
            + quoted(e.action().wireName())
            + ",\"subject_id\":"
            + (subjectId.isEmpty() ? "null" : subjectId)
            + ",\"subject\":"
            + quoted(e.subject())
            + ",\"client_address\":"
            + quoted(e.clientAddress())
            + ",\"channel\":"
            + quoted(e.channel())
            + ",\"outcome\":"
            + quoted(e.outcome())
            + ",\"details\":"
            + quoted(e.details())
            + "}\n");
  }

  /** A JSON string literal: quotes, backslashes and every control character escaped. */
  static String quoted(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void append(Appendable out, String text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
