package com.siali.label.server.http;

/** Who may call a route; the router checks it before the handler runs. */
public enum Access {
  /** Anyone on the LAN (log-in, sign-up, health). */
  ANYONE,
  /** A signed-in person using the web pages; others are sent to the log-in page. */
  SIGNED_IN,
  /**
   * Files that both the web pages and API clients read (the pictures {@code avatar} URLs name): a
   * session or an API token; without either, a browser is sent to the log-in page as for {@link
   * #SIGNED_IN}. Read-only routes (GET) only: a token needs no CSRF token.
   */
  SIGNED_IN_OR_TOKEN,
  /**
   * The REST API: an API token, or a session plus the CSRF header for state changes; others get
   * 401.
   */
  API
}
