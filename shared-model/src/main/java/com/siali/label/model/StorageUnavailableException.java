package com.siali.label.model;

/**
 * The server cannot save right now (its disk is full, or its PostgreSQL server cannot be reached);
 * the same request may succeed once space or the database returns. Interfaces answer "try again
 * later" (HTTP 503 with {@code Retry-After}), never "something went wrong".
 */
public final class StorageUnavailableException extends DomainException {
  public StorageUnavailableException() {
    super(
        "The server cannot save right now: its disk is full. Nothing was changed; try again in a"
            + " few minutes.");
  }

  private StorageUnavailableException(String message) {
    super(message);
  }

  /** The database server cannot be reached (a node of several, on PostgreSQL: issue #16). */
  public static StorageUnavailableException databaseUnreachable() {
    return new StorageUnavailableException(
        "The server cannot reach its database right now; try again in a moment.");
  }
}
