package com.siali.label.server.http;

import java.util.Optional;

/** SECURITY.md: {@code next} redirects only to a local path, never to another site. */
public final class SafeRedirect {
  private SafeRedirect() {}

  public static String localPathOr(Optional<String> next, String fallback) {
    return localPath(next).orElse(fallback);
  }

  /** {@code next} if it is a path on this server, else empty. */
  public static Optional<String> localPath(Optional<String> next) {
    return next.filter(SafeRedirect::isLocalPath);
  }

  static boolean isLocalPath(String candidate) {
    if (candidate.isEmpty() || candidate.length() > 2_000 || candidate.charAt(0) != '/') {
      return false;
    }
    // "//host" and "/\host" are protocol-relative in browsers; control characters can smuggle
    // either.
    if (candidate.startsWith("//") || candidate.startsWith("/\\")) {
      return false;
    }
    return candidate.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
  }
}
