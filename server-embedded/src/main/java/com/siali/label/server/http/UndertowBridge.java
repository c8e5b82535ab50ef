package com.siali.label.server.http;

import com.siali.label.model.User;
import com.siali.label.service.ApiTokenService;
import com.siali.label.service.SessionService;
import com.siali.label.service.SessionService.ActiveSession;
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

/**
 * Runs the router for an Undertow exchange: off the I/O thread (database and Argon2 block), with the body size
 * limited while it streams, the caller identified, and every outcome written (an exception never leaves a
 * request hanging).
 */
public final class UndertowBridge implements HttpHandler {
  /** Forms and JSON; multipart uploads (profile pictures of up to 5 MiB) get {@link #MAX_UPLOAD}. */
  static final long MAX_BODY = 64 * 1024;
  static final long MAX_UPLOAD = 6L * 1024 * 1024;
  private static final long MAX_DISCARD = 64L * 1024 * 1024;
  private static final String TOKEN_SCHEME = "token ";

  private final Router router;
  private final ErrorMapper errors;
  private final HostCheck hosts;
  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final FormParserFactory forms = FormParserFactory.builder().withDefaultCharset("UTF-8").build();

  public UndertowBridge(Router router, ErrorMapper errors, HostCheck hosts, SessionService sessions,
      ApiTokenService tokens) {
    this.router = router;
    this.errors = errors;
    this.hosts = hosts;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    boolean light = exchange.isInIoThread() && isLight(exchange);
    if (exchange.isInIoThread() && !light) {
      exchange.dispatch(this);
      return;
    }
    if (!light) {
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
        response = router.handle(read(exchange));
      }
    } catch (Throwable failure) {
      response = errors.map(path, failure);
    }
    write(exchange, response);
  }

  /** An anonymous GET without a body for a route that never blocks: answered where it arrived. */
  private boolean isLight(HttpServerExchange exchange) {
    String method = exchange.getRequestMethod().toString();
    return (method.equals("GET") || method.equals("HEAD"))
        && exchange.getRequestContentLength() <= 0
        && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
        && !exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)
        && exchange.getRequestCookie(Cookies.SESSION) == null
        && router.ioThreadSafe("GET", exchange.getRequestPath());
  }

  private static long limitFor(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    return type != null && type.startsWith("multipart/form-data") ? MAX_UPLOAD : MAX_BODY;
  }

  private static boolean declaredTooLarge(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > limitFor(exchange);
  }

  /**
   * Reads and drops a too-large body (up to {@link #MAX_DISCARD}) before answering 413: a server that answers and
   * closes while the client is still sending makes the client see a reset instead of the answer.
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

  private WebRequest read(HttpServerExchange exchange) throws Exception {
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
    } else if (!exchange.isInIoThread() && exchange.isRequestChannelAvailable()
        && !exchange.getRequestMethod().toString().equals("GET")) {
      body = exchange.getInputStream().readAllBytes();
    }

    Map<String, List<String>> query = new HashMap<>();
    for (Map.Entry<String, Deque<String>> entry : exchange.getQueryParameters().entrySet()) {
      query.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    Optional<String> cookie = Optional.ofNullable(exchange.getRequestCookie(Cookies.SESSION)).map(Cookie::getValue);
    Optional<ActiveSession> session = cookie.flatMap(sessions::find);
    Optional<String> sessionId = session.isPresent() ? cookie : Optional.empty();
    Optional<User> tokenUser = tokenUser(headers.get("authorization"));
    String anonymousCsrf = Optional.ofNullable(exchange.getRequestCookie(Cookies.CSRF)).map(Cookie::getValue).orElse("");
    String client = exchange.getSourceAddress() == null ? "" : exchange.getSourceAddress().getAddress().getHostAddress();
    return new WebRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(), Map.of(), query, form,
        files, headers, client, sessionId, session, tokenUser, anonymousCsrf, body);
  }

  private Optional<User> tokenUser(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(TOKEN_SCHEME)) {
      throw new ApiError(401, "Authorization header must be 'Token <key>'.");
    }
    return Optional.of(tokens.authenticate(authorization.substring(TOKEN_SCHEME.length()).strip())
        .orElseThrow(() -> new ApiError(401, "Invalid token.")));
  }

  private static void write(HttpServerExchange exchange, WebResponse response) {
    exchange.setStatusCode(response.status());
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(
        io.undertow.util.HttpString.tryFromString(name), value));
    for (String cookie : response.cookies()) {
      exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie);
    }
    if (!exchange.getRequestMethod().toString().equals("HEAD")) {
      exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(response.body()));
    } else {
      exchange.endExchange();
    }
  }
}
