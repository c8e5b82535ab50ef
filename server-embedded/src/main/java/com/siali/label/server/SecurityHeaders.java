package com.siali.label.server;

import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * SECURITY.md: these headers on every response, and no server version. The application's responses
 * get them from {@link #around}; the 400 that Undertow writes by itself, as fixed bytes, when it
 * cannot parse a request line or a header ({@code GET /%zz}, {@code Content-Length: abc}) gets them
 * from {@link #conduitFor}, which replaces exactly those bytes on their way out.
 */
final class SecurityHeaders {
  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer");

  /** What Undertow 2.4's {@code HttpReadListener.sendBadRequestAndClose} writes, byte for byte. */
  private static final byte[] UNDERTOW_BAD_REQUEST =
      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  private static final byte[] BAD_REQUEST = badRequest();

  private SecurityHeaders() {}

  static HttpHandler around(HttpHandler next) {
    return exchange -> {
      var headers = exchange.getResponseHeaders();
      HEADERS.forEach((name, value) -> headers.put(new HttpString(name), value));
      next.handleRequest(exchange);
    };
  }

  private static byte[] badRequest() {
    var reply =
        new StringBuilder("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n");
    HEADERS.forEach((name, value) -> reply.append(name).append(": ").append(value).append("\r\n"));
    return reply.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A connection's outgoing bytes, with Undertow's bare 400 replaced by one with the headers. */
  static StreamSinkConduit conduitFor(StreamSinkConduit next) {
    return new BadRequestRewriter(next);
  }

  /**
   * Undertow writes its bare 400 as one buffer holding exactly those bytes, and nothing after it
   * (the connection closes); everything else passes through untouched.
   */
  private static final class BadRequestRewriter
      extends AbstractStreamSinkConduit<StreamSinkConduit> {
    private ByteBuffer replacement;

    BadRequestRewriter(StreamSinkConduit next) {
      super(next);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      if (replacement == null && isUndertowsBadRequest(src)) {
        replacement = ByteBuffer.wrap(BAD_REQUEST);
      }
      if (replacement == null) {
        return next.write(src);
      }
      next.write(replacement);
      if (replacement.hasRemaining()) {
        return 0;
      }
      replacement = null;
      int length = src.remaining();
      src.position(src.limit());
      return length;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
      if (replacement != null || isUndertowsBadRequest(src)) {
        return write(src);
      }
      return next.writeFinal(src);
    }

    private static boolean isUndertowsBadRequest(ByteBuffer src) {
      return src.remaining() == UNDERTOW_BAD_REQUEST.length
          && src.get(src.position()) == 'H'
          && ByteBuffer.wrap(UNDERTOW_BAD_REQUEST).equals(src);
    }
  }
}
