package com.siali.label.model;

/**
 * The server cannot save right now (its disk is full); nothing was changed, and the same request
 * may succeed once space returns. Interfaces answer "try again later" (HTTP 503 with {@code
 * Retry-After}), never "something went wrong".
 */
public final class StorageUnavailableException extends DomainException {
  public StorageUnavailableException() {
    super(
        "The server cannot save right now: its disk is full. Nothing was changed; try again in a"
            + " few minutes.");
  }
}
