package com.siali.label.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * How large a request body may be (SECURITY.md: limits enforced while the body streams, {@code 413}
 * early), and when a body is too large to drain before the 413 ({@link BodyReceiver} drains the
 * others).
 */
final class BodyLimits {
  /**
   * Forms and JSON; multipart uploads (profile pictures of up to 5 MiB) get {@link #MAX_UPLOAD}.
   */
  static final long MAX_BODY = 64 * 1024;

  static final long MAX_UPLOAD = 6L * 1024 * 1024;

  /** Past this, draining costs more than a client that sees a reset instead of the 413. */
  static final long MAX_DISCARD = 64L * 1024 * 1024;

  private BodyLimits() {}

  static long limitFor(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    return type != null && type.startsWith("multipart/form-data") ? MAX_UPLOAD : MAX_BODY;
  }

  /** True when the {@code Content-Length} alone says the body is over its limit. */
  static boolean declaredTooLarge(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > limitFor(exchange);
  }

  /**
   * From here on, Undertow refuses to stream more than the limit ({@code RequestTooBigException},
   * which {@link ErrorMapper} turns into a 413), also for a chunked body that declared no length.
   */
  static void apply(HttpServerExchange exchange) {
    exchange.setMaxEntitySize(limitFor(exchange));
  }
}
