package com.siali.label.model;

import java.time.Duration;
import java.time.Instant;

/**
 * "5 minutes ago": how the People list shows last activity, in the same words on the web and in the
 * window.
 */
public final class RelativeTime {
  private RelativeTime() {}

  public static String since(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).toSeconds());
    if (seconds < 60) {
      return "just now";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return plural(minutes, "minute");
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return plural(hours, "hour");
    }
    long days = hours / 24;
    if (days < 30) {
      return plural(days, "day");
    }
    if (days < 365) {
      return plural(days / 30, "month");
    }
    return plural(days / 365, "year");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s") + " ago";
  }
}
