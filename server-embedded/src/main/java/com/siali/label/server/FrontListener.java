package com.siali.label.server;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.PooledAdaptor;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.channels.AcceptingChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.PushBackStreamSourceConduit;

/**
 * Accepts each connection on the server's port before Undertow does, for two things Undertow's own
 * listeners cannot do:
 *
 * <ul>
 *   <li>On the HTTPS port, plain HTTP gets a redirect to {@code https://} instead of a raw TLS
 *       alert (as Syncthing does): the first byte decides, {@code 0x16} (a TLS handshake record)
 *       goes on to TLS, anything else to {@code plain}, whose only answer is that redirect.
 *   <li>Undertow's own low-level 400 replies (a request line or header it cannot parse) carry the
 *       security headers ({@link SecurityHeaders#conduitFor}).
 * </ul>
 *
 * Over plain HTTP only the second applies, and the first byte is not waited for.
 */
final class FrontListener implements ChannelListener<AcceptingChannel<StreamConnection>> {
  /** A TLS record of type handshake: every TLS ClientHello starts with it. */
  private static final int TLS_HANDSHAKE = 0x16;

  /** A connection that sends nothing at all is closed after this long. */
  private static final long FIRST_BYTE_MILLIS = 60_000;

  private final HttpOpenListener app;
  private final HttpOpenListener plain;
  private final Optional<UndertowXnioSsl> tls;
  private final OptionMap tlsOptions;
  private final ByteBufferPool buffers;

  /**
   * @param plain answers plain HTTP that reached the HTTPS port (unused without TLS)
   */
  FrontListener(
      HttpOpenListener app,
      HttpOpenListener plain,
      Optional<UndertowXnioSsl> tls,
      OptionMap tlsOptions,
      ByteBufferPool buffers) {
    this.app = app;
    this.plain = plain;
    this.tls = tls;
    this.tlsOptions = tlsOptions;
    this.buffers = buffers;
  }

  @Override
  public void handleEvent(AcceptingChannel<StreamConnection> server) {
    StreamConnection connection;
    try {
      connection = server.accept();
    } catch (IOException failed) {
      return;
    }
    if (connection == null) {
      return;
    }
    if (tls.isEmpty()) {
      hand(app, connection);
      return;
    }
    var firstByte = new FirstByte(connection);
    connection.getSourceChannel().setReadListener(firstByte);
    firstByte.timeout =
        connection
            .getIoThread()
            .executeAfter(
                () -> IoUtils.safeClose(connection), FIRST_BYTE_MILLIS, TimeUnit.MILLISECONDS);
    connection.getSourceChannel().resumeReads();
  }

  /** Gives the connection to an Undertow listener, its writes through the header rewriter. */
  private static void hand(HttpOpenListener listener, StreamConnection connection) {
    connection
        .getSinkChannel()
        .setConduit(SecurityHeaders.conduitFor(connection.getSinkChannel().getConduit()));
    listener.handleEvent(connection);
  }

  /** Reads until the first byte is in, then passes the connection on with that byte put back. */
  private final class FirstByte implements ChannelListener<StreamSourceChannel> {
    private final StreamConnection connection;
    XnioExecutor.Key timeout;

    FirstByte(StreamConnection connection) {
      this.connection = connection;
    }

    @Override
    public void handleEvent(StreamSourceChannel channel) {
      PooledByteBuffer buffer = buffers.allocate();
      boolean handedOn = false;
      try {
        int read = channel.read(buffer.getBuffer());
        if (read == 0) {
          return; // wait for the next event
        }
        timeout.remove();
        if (read < 0) {
          IoUtils.safeClose(connection);
          return;
        }
        buffer.getBuffer().flip();
        boolean handshake = (buffer.getBuffer().get(0) & 0xFF) == TLS_HANDSHAKE;
        channel.suspendReads();
        channel.getReadSetter().set(null);
        var pushBack = new PushBackStreamSourceConduit(connection.getSourceChannel().getConduit());
        pushBack.pushBack(new PooledAdaptor(buffer));
        connection.getSourceChannel().setConduit(pushBack);
        handedOn = true;
        if (handshake) {
          var secured = tls.orElseThrow().wrapExistingConnection(connection, tlsOptions);
          UndertowXnioSsl.getSslEngine(secured).setUseClientMode(false);
          hand(app, secured);
        } else {
          hand(plain, connection);
        }
      } catch (IOException | RuntimeException broken) {
        IoUtils.safeClose(connection);
      } finally {
        if (!handedOn) {
          buffer.close();
        }
      }
    }
  }
}
