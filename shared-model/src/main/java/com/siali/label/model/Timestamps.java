package com.siali.label.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Label Studio's timestamp format: ISO-8601 UTC with microseconds and {@code Z}, in the API and the
 * CLI alike.
 */
public final class Timestamps {
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant instant) {
    return ISO_MICROS.format(instant);
  }
}
