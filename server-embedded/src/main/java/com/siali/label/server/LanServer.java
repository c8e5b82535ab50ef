package com.siali.label.server;

import com.siali.label.server.tls.TlsIdentity;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

/**
 * The embedded Undertow server collaborators reach on the LAN (the application itself is {@link
 * WebApp}). Closing it lets requests in flight finish.
 */
public final class LanServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LanServer.class);
  private static final long DRAIN_MILLIS = 10_000;

  private static final Pattern VALID_HOST =
      Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

  private final Undertow undertow;
  private final AcceptingChannel<StreamConnection> channel;
  private final GracefulShutdownHandler shutdown;
  private final AtomicBoolean ready;
  private final String host;
  private final int port;
  private final String scheme;

  private LanServer(
      Undertow undertow,
      AcceptingChannel<StreamConnection> channel,
      GracefulShutdownHandler shutdown,
      AtomicBoolean ready,
      String host,
      int port,
      String scheme) {
    this.undertow = undertow;
    this.channel = channel;
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
            SecurityHeaders.around(
                exchange -> {
                  if (ready.get() && WorkerSaturation.answeredBusy(exchange)) {
                    return;
                  }
                  if (ready.get()) {
                    app.handleRequest(exchange);
                  } else {
                    exchange.setStatusCode(503);
                    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send("{\"detail\": \"Siali Label is starting.\"}");
                  }
                }));
    OptionMap options =
        OptionMap.builder()
            .set(UndertowOptions.MAX_ENTITY_SIZE, 6L * 1024 * 1024)
            .set(UndertowOptions.ALWAYS_SET_DATE, true)
            .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
            .getMap();
    // Undertow owns the I/O and worker threads; the port is ours (FrontListener), so that plain
    // HTTP on the HTTPS port and Undertow's own 400s can be answered properly.
    Undertow undertow = Undertow.builder().build();
    undertow.start();
    ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    var appListener = new HttpOpenListener(buffers, options);
    appListener.setRootHandler(shutdown);
    var redirectListener = new HttpOpenListener(buffers, options);
    redirectListener.setRootHandler(SecurityHeaders.around(LanServer::redirectToHttps));
    OptionMap tlsOptions =
        OptionMap.builder()
            .set(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(TlsIdentity.PROTOCOLS))
            .set(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(TlsIdentity.CIPHER_SUITES))
            .getMap();
    var front =
        new FrontListener(
            appListener,
            redirectListener,
            tls.map(
                context ->
                    new UndertowXnioSsl(
                        undertow.getXnio(),
                        OptionMap.create(Options.USE_DIRECT_BUFFERS, true),
                        buffers,
                        context)),
            tlsOptions,
            buffers);
    AcceptingChannel<StreamConnection> channel;
    try {
      channel =
          undertow
              .getWorker()
              .createStreamConnectionServer(
                  new InetSocketAddress(InetAddress.getByName(host), port),
                  front,
                  OptionMap.builder()
                      .set(Options.TCP_NODELAY, true)
                      .set(Options.REUSE_ADDRESSES, true)
                      .set(Options.BACKLOG, 1000)
                      .getMap());
    } catch (IOException e) {
      undertow.stop();
      if (causedBy(e, BindException.class)) {
        throw new PortInUseException(host, port, e);
      }
      throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
    }
    channel.resumeAccepts();
    int actual = channel.getLocalAddress(InetSocketAddress.class).getPort();
    LOG.info("LAN server listening on {}:{}", host, actual);
    return new LanServer(
        undertow, channel, shutdown, ready, host, actual, tls.isPresent() ? "https" : "http");
  }

  /**
   * Plain HTTP that reached the HTTPS port: the same address over {@code https://}, as Syncthing
   * answers. The host is the one the client asked for (a foreign one is refused by the application
   * once the client follows); only its form is checked, so that nothing odd lands in Location.
   */
  private static void redirectToHttps(HttpServerExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    if (host == null || !VALID_HOST.matcher(host).matches()) {
      exchange.setStatusCode(400);
      exchange.setPersistent(false);
      exchange.getResponseSender().send("This port speaks HTTPS; use https:// to reach it.");
      return;
    }
    String query = exchange.getQueryString();
    exchange.setStatusCode(301);
    exchange
        .getResponseHeaders()
        .put(
            Headers.LOCATION,
            "https://"
                + host
                + exchange.getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
    exchange.setPersistent(false);
    exchange.endExchange();
  }

  /** Start-up is complete: serve the application from now on. */
  public void open() {
    ready.set(true);
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

  /**
   * Stops accepting connections first (a load balancer's next attempt goes to another node), then
   * lets the requests in flight finish for up to {@value #DRAIN_MILLIS} ms.
   */
  @Override
  public void close() {
    IoUtils.safeClose(channel);
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
