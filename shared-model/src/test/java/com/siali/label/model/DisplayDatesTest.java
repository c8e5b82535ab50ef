package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DisplayDatesTest {
  @Test
  void aDayIsWrittenTheSameWayEverywhere() {
    assertThat(DisplayDates.day(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
        .isEqualTo("Dec 1, 2026");
    assertThat(DisplayDates.day(Instant.parse("2026-03-15T23:30:00Z"), ZoneOffset.ofHours(2)))
        .as("the computer's own day")
        .isEqualTo("Mar 16, 2026");
  }
}
