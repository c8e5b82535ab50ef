package com.siali.label.server;

import com.siali.label.server.tls.TlsIdentity;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.HttpString;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Sequence;

/**
 * The embedded Undertow server collaborators reach on the LAN (the application itself is {@link
 * WebApp}). Closing it lets requests in flight finish.
 */
public final class LanServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LanServer.class);
  private static final long DRAIN_MILLIS = 10_000;

  private final Undertow undertow;
  private final GracefulShutdownHandler shutdown;
  private final AtomicBoolean ready;
  private final String host;
  private final int port;
  private final String scheme;

  private LanServer(
      Undertow undertow,
      GracefulShutdownHandler shutdown,
      AtomicBoolean ready,
      String host,
      int port,
      String scheme) {
    this.undertow = undertow;
    this.shutdown = shutdown;
    this.ready = ready;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  /**
   * Binds {@code host:port} ({@code port} 0 picks a free one); a busy port fails at once. Until
   * {@link #open()} every request gets 503 with {@code Retry-After}, so that nobody (a script
   * polling {@code /health}, say) acts before start-up has finished. Every response gets the
   * security headers.
   */
  public static LanServer start(String host, int port, HttpHandler app) {
    return start(host, port, app, Optional.empty());
  }

  /**
   * As {@link #start(String, int, HttpHandler)}, over HTTPS when {@code tls} is given: TLS 1.3 and
   * 1.2 with {@link TlsIdentity#CIPHER_SUITES} only.
   */
  public static LanServer start(String host, int port, HttpHandler app, Optional<SSLContext> tls) {
    var ready = new AtomicBoolean();
    GracefulShutdownHandler shutdown =
        Handlers.gracefulShutdown(
            securityHeaders(
                exchange -> {
                  if (ready.get() && WorkerSaturation.answeredBusy(exchange)) {
                    return;
                  }
                  if (ready.get()) {
                    app.handleRequest(exchange);
                  } else {
                    exchange.setStatusCode(503);
                    exchange.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "1");
                    exchange
                        .getResponseHeaders()
                        .put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send("{\"detail\": \"Siali Label is starting.\"}");
                  }
                }));
    Undertow.Builder builder =
        Undertow.builder()
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 6L * 1024 * 1024)
            .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
            .setHandler(shutdown);
    if (tls.isPresent()) {
      builder
          .addHttpsListener(port, host, tls.get())
          .setSocketOption(
              org.xnio.Options.SSL_ENABLED_PROTOCOLS, Sequence.of(TlsIdentity.PROTOCOLS))
          .setSocketOption(
              org.xnio.Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(TlsIdentity.CIPHER_SUITES));
    } else {
      builder.addHttpListener(port, host);
    }
    Undertow undertow = builder.build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new PortInUseException(host, port, e);
      }
      throw e;
    }
    int actual = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    LOG.info("LAN server listening on {}:{}", host, actual);
    return new LanServer(
        undertow, shutdown, ready, host, actual, tls.isPresent() ? "https" : "http");
  }

  /** Start-up is complete: serve the application from now on. */
  public void open() {
    ready.set(true);
  }

  /** SECURITY.md: these headers on every response, and no server version. */
  private static HttpHandler securityHeaders(HttpHandler next) {
    return exchange -> {
      var headers = exchange.getResponseHeaders();
      headers.put(
          new HttpString("Content-Security-Policy"),
          "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
      headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
      headers.put(new HttpString("Referrer-Policy"), "no-referrer");
      next.handleRequest(exchange);
    };
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  public int port() {
    return port;
  }

  /** One base URL per address collaborators can use. */
  public List<String> urls() {
    return LanAddresses.baseUrls(scheme, host, port);
  }

  @Override
  public void close() {
    shutdown.shutdown();
    try {
      if (!shutdown.awaitShutdown(DRAIN_MILLIS)) {
        LOG.warn("requests still running after {} ms; stopping anyway", DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
  }
}
