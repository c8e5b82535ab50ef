package com.siali.label.server.http;

/**
 * A request the server cannot read: broken multipart, bad escapes, an unknown charset, too many
 * fields or cookies, a body cut short. It is the client's fault, so {@link ErrorMapper} answers
 * with a 4xx and logs one WARN line naming the kind of failure only: the bytes may hold a password.
 */
public final class MalformedRequestException extends RuntimeException {
  private final int status;
  private final String kind;

  /**
   * @param detail the sentence the client sees
   * @param cause what the parser threw; only its class name is kept
   */
  public MalformedRequestException(int status, String detail, Throwable cause) {
    super(detail, null, false, false);
    this.status = status;
    this.kind = cause == null ? "" : cause.getClass().getSimpleName();
  }

  public MalformedRequestException(int status, String detail) {
    this(status, detail, null);
  }

  public int status() {
    return status;
  }

  /** The simple class name of what the parser threw, or empty. */
  public String kind() {
    return kind;
  }
}
