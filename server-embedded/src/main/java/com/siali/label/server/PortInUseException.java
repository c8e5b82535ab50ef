package com.siali.label.server;

/** The port is taken by another program. */
public final class PortInUseException extends RuntimeException {
  public PortInUseException(String host, int port, Throwable cause) {
    super(
        "Port "
            + port
            + " on "
            + host
            + " is already in use by another program; choose another one with --port"
            + " (for example --port "
            + (port == 65_535 ? 8081 : port + 1)
            + ").",
        cause,
        false,
        false);
  }
}
