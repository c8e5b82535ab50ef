package com.siali.label.server.http;

import com.siali.label.model.User;
import com.siali.label.service.ApiTokenService;
import com.siali.label.service.SessionService;
import com.siali.label.service.SessionService.ActiveSession;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Identifies the caller of a request: by session cookie (a database look-up) or by {@code
 * Authorization: Token} (the token cache, else the database, ADR 0009). Tokens are accepted only in
 * that header, never in the URL (SECURITY.md).
 */
final class CallerIdentifier {
  private static final String TOKEN_SCHEME = "token ";

  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final AnonymousCsrf anonymousCsrf;

  CallerIdentifier(SessionService sessions, ApiTokenService tokens, AnonymousCsrf anonymousCsrf) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.anonymousCsrf = anonymousCsrf;
  }

  /**
   * The caller, where that may block (a worker thread).
   *
   * @throws ApiError 401 for an {@code Authorization} header that is not a valid token
   */
  Caller identify(HttpServerExchange exchange) {
    Optional<String> cookie = cookie(exchange, Cookies.SESSION);
    Optional<ActiveSession> session = cookie.flatMap(sessions::find);
    return new Caller(
        session.isPresent() ? cookie : Optional.empty(),
        session,
        tokenUser(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION)),
        anonymousCsrf(exchange));
  }

  /**
   * The caller, when it is known without blocking: no session cookie, and no {@code Authorization}
   * header or an API token already in the cache. Empty means: ask {@link #identify} on a worker.
   *
   * @throws MalformedRequestException for cookies that cannot be read ({@link RequestCookies})
   */
  Optional<Caller> identifyWithoutBlocking(HttpServerExchange exchange) {
    if (cookie(exchange, Cookies.SESSION).isPresent()) {
      return Optional.empty();
    }
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    Optional<User> tokenUser = Optional.empty();
    if (authorization != null) {
      String key = tokenKey(authorization);
      tokenUser = key == null ? Optional.empty() : tokens.authenticateCached(key);
      if (tokenUser.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Caller(Optional.empty(), Optional.empty(), tokenUser, anonymousCsrf(exchange)));
  }

  /** The anonymous CSRF cookie when one of our nodes made it; else none ({@link AnonymousCsrf}). */
  private String anonymousCsrf(HttpServerExchange exchange) {
    return cookie(exchange, Cookies.CSRF).filter(anonymousCsrf::genuine).orElse("");
  }

  private Optional<User> tokenUser(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String key = tokenKey(authorization);
    if (key == null) {
      throw new ApiError(401, "Authorization header must be 'Token <key>'.");
    }
    return Optional.of(
        tokens.authenticate(key).orElseThrow(() -> new ApiError(401, "Invalid token.")));
  }

  /** The key of an {@code Authorization: Token <key>} header; null for any other scheme. */
  private static String tokenKey(String authorization) {
    return authorization.regionMatches(true, 0, TOKEN_SCHEME, 0, TOKEN_SCHEME.length())
        ? authorization.substring(TOKEN_SCHEME.length()).strip()
        : null;
  }

  private static Optional<String> cookie(HttpServerExchange exchange, String name) {
    return RequestCookies.value(exchange, name);
  }
}
