package com.siali.label.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Current time at the database's precision (microseconds), so what is stored equals what was
 * returned.
 */
final class ServiceClock {
  private ServiceClock() {}

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
