package com.siali.label.server.http;

import com.siali.label.service.ApiTokenService;
import com.siali.label.service.SessionService;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs the router for an Undertow exchange: off the I/O thread (database and Argon2 block) unless
 * nothing on the way blocks (see {@link #answerableOnIoThread}), a request body read whole on the
 * I/O thread first ({@link BodyReceiver}: a slow client holds no worker), and always with a
 * response written (an exception never leaves a request hanging). Reading the exchange is {@link
 * RequestReader}'s job, identifying the caller {@link CallerIdentifier}'s, writing the answer
 * {@link ResponseWriter}'s.
 */
public final class UndertowBridge implements HttpHandler {
  private final Router router;
  private final ErrorMapper errors;
  private final HostCheck hosts;
  private final CallerIdentifier callers;
  private final RequestReader reader;
  private final TrustedProxies proxies;
  private final BodyReceiver bodies;

  public UndertowBridge(
      Router router,
      ErrorMapper errors,
      HostCheck hosts,
      SessionService sessions,
      ApiTokenService tokens,
      AnonymousCsrf anonymousCsrf,
      Duration bodyDeadline,
      TrustedProxies proxies) {
    this.router = router;
    this.proxies = proxies;
    this.reader = new RequestReader(proxies);
    this.bodies = new BodyReceiver(errors, bodyDeadline);
    this.errors = errors;
    this.hosts = hosts;
    this.callers = new CallerIdentifier(sessions, tokens, anonymousCsrf);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Optional<Caller> knownCaller = Optional.empty();
    if (exchange.isInIoThread()) {
      try {
        knownCaller =
            answerableOnIoThread(exchange)
                ? callers.identifyWithoutBlocking(exchange)
                : Optional.empty();
      } catch (MalformedRequestException unreadable) {
        ResponseWriter.write(exchange, errors.map(exchange.getRequestPath(), unreadable));
        return;
      }
      if (knownCaller.isEmpty()) {
        if (BodyReceiver.hasBody(exchange)) {
          bodies.receive(exchange, () -> exchange.dispatch(this));
        } else {
          exchange.dispatch(this);
        }
        return;
      }
    } else {
      exchange.startBlocking();
    }
    WebResponse response = secureBehindTlsProxy(exchange, respond(exchange, knownCaller));
    if (exchange.isInIoThread()) {
      ResponseWriter.write(exchange, response);
    } else {
      ResponseWriter.handBack(exchange, response);
    }
  }

  private WebResponse respond(HttpServerExchange exchange, Optional<Caller> knownCaller) {
    String path = exchange.getRequestPath();
    try {
      if (!hosts.allows(exchange.getRequestHeaders().getFirst(Headers.HOST))) {
        return errors.respond(path, 400, "This server does not answer to that host name.");
      }
      RequestContent content = reader.read(exchange);
      Caller caller = knownCaller.isPresent() ? knownCaller.get() : callers.identify(exchange);
      return router.handle(content.from(caller));
    } catch (Throwable failure) {
      return errors.map(path, failure);
    }
  }

  /**
   * Behind a trusted proxy that ended TLS ({@code X-Forwarded-Proto: https}) the browser speaks
   * HTTPS, so our cookies say {@code Secure} as they do when we serve HTTPS ourselves.
   */
  private WebResponse secureBehindTlsProxy(HttpServerExchange exchange, WebResponse response) {
    InetSocketAddress peer = exchange.getSourceAddress();
    if (!response.cookies().isEmpty()
        && peer != null
        && peer.getAddress() != null
        && proxies.forwardedHttps(
            peer.getAddress(), exchange.getRequestHeaders().getLast(Headers.X_FORWARDED_PROTO))) {
      response.cookies().replaceAll(Cookies::secure);
    }
    return response;
  }

  /**
   * A GET without a body, for a route that never blocks ({@link Route#ioThreadSafe}): answered
   * where it arrived if the caller is known without the database too.
   */
  private boolean answerableOnIoThread(HttpServerExchange exchange) {
    String method = exchange.getRequestMethod().toString();
    return (method.equals("GET") || method.equals("HEAD"))
        && exchange.getRequestContentLength() <= 0
        && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
        && router.ioThreadSafe("GET", exchange.getRequestPath());
  }
}
