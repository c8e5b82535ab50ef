package com.siali.label.server.http;

/** Who may call a route; the router checks it before the handler runs. */
public enum Access {
  /** Anyone on the LAN (log-in, sign-up, health). */
  ANYONE,
  /** A signed-in person using the web pages; others are sent to the log-in page. */
  SIGNED_IN,
  /**
   * The REST API: an API token, or a session plus the CSRF header for state changes; others get
   * 401.
   */
  API
}
