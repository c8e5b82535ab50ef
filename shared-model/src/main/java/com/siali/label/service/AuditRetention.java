package com.siali.label.service;

import com.siali.label.model.ValidationException;
import java.time.Duration;
import java.util.Map;

/**
 * How long the audit log keeps an event: {@value #DEFAULT_DAYS} days unless {@code
 * LABEL_STUDIO_AUDIT_RETENTION_DAYS} says otherwise (1 to {@value #MAX_DAYS}).
 */
public record AuditRetention(Duration keep) {
  public static final String VARIABLE = "LABEL_STUDIO_AUDIT_RETENTION_DAYS";
  public static final int DEFAULT_DAYS = 365;
  public static final int MAX_DAYS = 36_500;

  public static AuditRetention fromEnvironment(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return days(DEFAULT_DAYS);
    }
    try {
      int days = Integer.parseInt(value.strip());
      if (days >= 1 && days <= MAX_DAYS) {
        return days(days);
      }
    } catch (NumberFormatException ignored) {
      // the same sentence as for a number out of range
    }
    throw new ValidationException(
        VARIABLE, VARIABLE + " must be a whole number of days from 1 to " + MAX_DAYS + ".");
  }

  public static AuditRetention days(int days) {
    return new AuditRetention(Duration.ofDays(days));
  }
}
