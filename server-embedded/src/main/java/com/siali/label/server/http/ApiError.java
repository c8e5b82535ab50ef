package com.siali.label.server.http;

/** An HTTP failure with a status and a message for the user, raised by handlers and the router. */
public final class ApiError extends RuntimeException {
  private final int status;

  public ApiError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
