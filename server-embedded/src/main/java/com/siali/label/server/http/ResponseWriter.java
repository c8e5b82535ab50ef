package com.siali.label.server.http;

import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import org.xnio.IoUtils;

/**
 * Writes a {@link WebResponse} to its exchange and ends it, always on the connection's I/O thread.
 */
final class ResponseWriter {
  private ResponseWriter() {}

  /** Writes at once: the caller is the exchange's I/O thread. */
  static void write(HttpServerExchange exchange, WebResponse response) {
    exchange.setStatusCode(response.status());
    response
        .headers()
        .forEach(
            (name, value) ->
                exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    for (String cookie : response.cookies()) {
      exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie);
    }
    if (!exchange.getRequestMethod().toString().equals("HEAD")) {
      // Non-blocking, also for an exchange a worker put in blocking mode to read its body.
      new AsyncSenderImpl(exchange).send(ByteBuffer.wrap(response.body()));
    } else {
      exchange.endExchange();
    }
  }

  /**
   * Hands a worker's finished response to the connection's I/O thread, which writes it and ends the
   * exchange. Ended on a worker, Undertow (2.4) makes the I/O thread spin while the worker resets
   * the connection: with both cores hashing passwords, that spin took ~0.8 ms of CPU per log-in
   * (PERFORMANCE.md).
   */
  static void handBack(HttpServerExchange exchange, WebResponse response) {
    exchange.dispatch(
        exchange.getIoThread(),
        () -> {
          try {
            write(exchange, response);
          } catch (RuntimeException closed) {
            IoUtils.safeClose(exchange.getConnection()); // the connection went away meanwhile
          }
        });
  }
}
