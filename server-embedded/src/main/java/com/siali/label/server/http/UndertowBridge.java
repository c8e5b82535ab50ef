package com.siali.label.server.http;

import com.siali.label.model.User;
import com.siali.label.service.ApiTokenService;
import com.siali.label.service.SessionService;
import com.siali.label.service.SessionService.ActiveSession;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xnio.IoUtils;

/**
 * Runs the router for an Undertow exchange: off the I/O thread (database and Argon2 block) unless
 * nothing on the way blocks (see {@link #ioThreadCaller}), with the body size limited while it
 * streams, the caller identified, and every outcome written (an exception never leaves a request
 * hanging).
 */
public final class UndertowBridge implements HttpHandler {
  /**
   * Forms and JSON; multipart uploads (profile pictures of up to 5 MiB) get {@link #MAX_UPLOAD}.
   */
  static final long MAX_BODY = 64 * 1024;

  static final long MAX_UPLOAD = 6L * 1024 * 1024;
  private static final long MAX_DISCARD = 64L * 1024 * 1024;
  private static final String TOKEN_SCHEME = "token ";

  private final Router router;
  private final ErrorMapper errors;
  private final HostCheck hosts;
  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final FormParserFactory forms =
      FormParserFactory.builder().withDefaultCharset("UTF-8").build();

  public UndertowBridge(
      Router router,
      ErrorMapper errors,
      HostCheck hosts,
      SessionService sessions,
      ApiTokenService tokens) {
    this.router = router;
    this.errors = errors;
    this.hosts = hosts;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Optional<User> tokenUser = Optional.empty();
    if (exchange.isInIoThread()) {
      IoThreadCaller caller = ioThreadCaller(exchange);
      if (caller == null) {
        exchange.dispatch(this);
        return;
      }
      tokenUser = caller.tokenUser();
    } else {
      exchange.startBlocking();
    }
    String path = exchange.getRequestPath();
    WebResponse response;
    try {
      if (!hosts.allows(exchange.getRequestHeaders().getFirst(Headers.HOST))) {
        response = errors.respond(path, 400, "This server does not answer to that host name.");
      } else if (declaredTooLarge(exchange)) {
        discardBody(exchange);
        response = errors.respond(path, 413, "The request is too large.");
      } else {
        response = router.handle(read(exchange, tokenUser));
      }
    } catch (Throwable failure) {
      response = errors.map(path, failure);
    }
    if (exchange.isInIoThread()) {
      write(exchange, response);
    } else {
      // The worker hands the finished response to the connection's I/O thread, which writes it and
      // ends the
      // exchange. Ended on a worker, Undertow (2.4) makes the I/O thread spin while the worker
      // resets the
      // connection: with both cores hashing passwords, that spin took ~0.8 ms of CPU per log-in
      // (PERFORMANCE.md).
      WebResponse finished = response;
      exchange.dispatch(
          exchange.getIoThread(),
          () -> {
            try {
              write(exchange, finished);
            } catch (RuntimeException closed) {
              IoUtils.safeClose(exchange.getConnection()); // the connection went away meanwhile
            }
          });
    }
  }

  /**
   * A caller identified without blocking: anonymous, or the account of an API token found in the
   * cache.
   */
  private record IoThreadCaller(Optional<User> tokenUser) {}

  private static final IoThreadCaller ANONYMOUS = new IoThreadCaller(Optional.empty());

  /**
   * Who is calling, when the request can be answered where it arrived: a GET without a body, for a
   * route that never blocks ({@link Route#ioThreadSafe}), from a caller known without the database
   * (no session cookie; no {@code Authorization} header, or an API token already in the cache).
   * Null means: dispatch to a worker.
   */
  private IoThreadCaller ioThreadCaller(HttpServerExchange exchange) {
    String method = exchange.getRequestMethod().toString();
    boolean bodilessGet =
        (method.equals("GET") || method.equals("HEAD"))
            && exchange.getRequestContentLength() <= 0
            && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    if (!bodilessGet
        || exchange.getRequestCookie(Cookies.SESSION) != null
        || !router.ioThreadSafe("GET", exchange.getRequestPath())) {
      return null;
    }
    HeaderValues authorization = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
    if (authorization == null) {
      return ANONYMOUS;
    }
    String key = tokenKey(authorization.getFirst());
    Optional<User> cached = key == null ? Optional.empty() : tokens.authenticateCached(key);
    return cached.isPresent() ? new IoThreadCaller(cached) : null;
  }

  private static long limitFor(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    return type != null && type.startsWith("multipart/form-data") ? MAX_UPLOAD : MAX_BODY;
  }

  private static boolean declaredTooLarge(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > limitFor(exchange);
  }

  /**
   * Reads and drops a too-large body (up to {@link #MAX_DISCARD}) before answering 413: a server
   * that answers and closes while the client is still sending makes the client see a reset instead
   * of the answer.
   */
  private static void discardBody(HttpServerExchange exchange) {
    long length = exchange.getRequestContentLength();
    if (length > MAX_DISCARD) {
      return;
    }
    exchange.setMaxEntitySize(length);
    try (InputStream in = exchange.getInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException gone) {
      // the client gave up; nothing to answer
    }
  }

  private WebRequest read(HttpServerExchange exchange, Optional<User> cachedTokenUser)
      throws Exception {
    Map<String, String> headers = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
    }
    exchange.setMaxEntitySize(limitFor(exchange));

    Map<String, String> form = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] body = new byte[0];
    FormDataParser parser = exchange.isInIoThread() ? null : forms.createParser(exchange);
    if (parser != null) {
      try (parser) {
        FormData data = parser.parseBlocking();
        for (String name : data) {
          FormData.FormValue value = data.getFirst(name);
          if (value.isFileItem()) {
            try (InputStream in = value.getFileItem().getInputStream()) {
              files.put(name, in.readAllBytes());
            }
          } else {
            form.put(name, value.getValue());
          }
        }
      }
    } else if (!exchange.isInIoThread()
        && exchange.isRequestChannelAvailable()
        && !exchange.getRequestMethod().toString().equals("GET")) {
      body = exchange.getInputStream().readAllBytes();
    }

    Map<String, List<String>> query = new HashMap<>();
    for (Map.Entry<String, Deque<String>> entry : exchange.getQueryParameters().entrySet()) {
      query.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    Optional<String> cookie =
        Optional.ofNullable(exchange.getRequestCookie(Cookies.SESSION)).map(Cookie::getValue);
    Optional<ActiveSession> session = cookie.flatMap(sessions::find);
    Optional<String> sessionId = session.isPresent() ? cookie : Optional.empty();
    Optional<User> tokenUser =
        cachedTokenUser.isPresent() ? cachedTokenUser : tokenUser(headers.get("authorization"));
    String anonymousCsrf =
        Optional.ofNullable(exchange.getRequestCookie(Cookies.CSRF))
            .map(Cookie::getValue)
            .orElse("");
    String client =
        exchange.getSourceAddress() == null
            ? ""
            : exchange.getSourceAddress().getAddress().getHostAddress();
    return new WebRequest(
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        Map.of(),
        query,
        form,
        files,
        headers,
        client,
        sessionId,
        session,
        tokenUser,
        anonymousCsrf,
        body);
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

  private static void write(HttpServerExchange exchange, WebResponse response) {
    exchange.setStatusCode(response.status());
    response
        .headers()
        .forEach(
            (name, value) ->
                exchange
                    .getResponseHeaders()
                    .put(io.undertow.util.HttpString.tryFromString(name), value));
    for (String cookie : response.cookies()) {
      exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie);
    }
    if (!exchange.getRequestMethod().toString().equals("HEAD")) {
      // Non-blocking, also for an exchange a worker put in blocking mode to read its body.
      new AsyncSenderImpl(exchange).send(java.nio.ByteBuffer.wrap(response.body()));
    } else {
      exchange.endExchange();
    }
  }
}
