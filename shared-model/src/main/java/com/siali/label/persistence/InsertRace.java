package com.siali.label.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Two transactions that both find a row missing both insert it, and the later one fails with a
 * unique violation (SQLSTATE {@code 23505}, the same in H2 and PostgreSQL). Run again, it finds the
 * row the winner committed. {@link #retrying} is for work that creates a row on first use.
 */
public final class InsertRace {
  static final String UNIQUE_VIOLATION = "23505";
  private static final int ATTEMPTS = 3;

  private InsertRace() {}

  /**
   * Runs {@code transaction} (a whole {@link Database#inTransaction} call), again when it lost an
   * insert race, at most {@value #ATTEMPTS} times in all.
   */
  public static <T> T retrying(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
