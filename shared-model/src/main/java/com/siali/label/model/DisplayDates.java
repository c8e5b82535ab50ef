package com.siali.label.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the window and the LAN pages write a day (ADR 0016): "Dec 1, 2026", in English like
 * the rest of the interface, in this computer's time zone (the server's too).
 */
public final class DisplayDates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

  private DisplayDates() {}

  public static String day(Instant instant) {
    return day(instant, ZoneId.systemDefault());
  }

  public static String day(Instant instant, ZoneId zone) {
    return DAY.format(instant.atZone(zone));
  }
}
