package com.siali.label.server.http;

import java.time.Duration;

/** The cookies we set: HttpOnly, SameSite=Lax, Path=/, plus Secure under HTTPS (SPEC §8). */
public final class Cookies {
  public static final String SESSION = "sl_session";
  public static final String CSRF = "sl_csrf";
  private static final Duration REMEMBER = Duration.ofDays(14);

  private final boolean secure;

  public Cookies(boolean secure) {
    this.secure = secure;
  }

  /**
   * A "keep me logged in" session survives closing the browser (up to the 14-day absolute limit).
   */
  public String session(String id, boolean rememberMe) {
    return build(SESSION, id, rememberMe ? REMEMBER.toSeconds() : -1);
  }

  public String clearSession() {
    return build(SESSION, "", 0);
  }

  public String csrf(String token) {
    return build(CSRF, token, -1);
  }

  /** {@code setCookie} with the {@code Secure} attribute (once). */
  static String secure(String setCookie) {
    return setCookie.endsWith("; Secure") || setCookie.contains("; Secure;")
        ? setCookie
        : setCookie + "; Secure";
  }

  private String build(String name, String value, long maxAgeSeconds) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/; HttpOnly; SameSite=Lax");
    if (maxAgeSeconds >= 0) {
      cookie.append("; Max-Age=").append(maxAgeSeconds);
    }
    if (secure) {
      cookie.append("; Secure");
    }
    return cookie.toString();
  }
}
