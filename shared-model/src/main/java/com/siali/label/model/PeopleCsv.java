package com.siali.label.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * People as CSV (RFC 4180, CRLF, UTF-8): email, name, joined, last activity, active. A cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * prefixed with an apostrophe, so an exported name like {@code =HYPERLINK(…)} stays text.
 */
public final class PeopleCsv {
  public static final String HEADER = "email,name,joined,last_activity,active";

  private PeopleCsv() {}

  public static void header(Appendable out) {
    append(out, HEADER + "\r\n");
  }

  public static void row(Appendable out, User person) {
    String name = (person.firstName() + " " + person.lastName()).strip();
    append(
        out,
        String.join(
                ",",
                cell(person.email().value()),
                cell(name),
                cell(time(person.dateJoined())),
                cell(time(person.lastActivity())),
                person.active() ? "true" : "false")
            + "\r\n");
  }

  /** One cell, neutralised and quoted when it needs to be. */
  public static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void append(Appendable out, String text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
