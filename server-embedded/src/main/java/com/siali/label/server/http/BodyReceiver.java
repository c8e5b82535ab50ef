package com.siali.label.server.http;

import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioExecutor;

/**
 * Reads a request body on the connection's I/O thread, without blocking, before the request goes to
 * a worker (issue #18: a slow client sending its body a byte at a time used to hold a worker in a
 * blocking read, and forty of them stalled every page that needs one). The body must arrive whole
 * within its deadline, else the client gets a 408 and the connection closes; it must stay within
 * {@link BodyLimits}, else a 413. Only then does {@code then} run, with the bytes attached under
 * {@link #BODY}.
 */
final class BodyReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(BodyReceiver.class);

  /** The whole body, once it has arrived. */
  static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final ErrorMapper errors;
  private final Duration deadline;

  BodyReceiver(ErrorMapper errors, Duration deadline) {
    this.errors = errors;
    this.deadline = deadline;
  }

  /** True when the request has a body still to arrive (a length above 0, or chunks). */
  static boolean hasBody(HttpServerExchange exchange) {
    return !exchange.isRequestComplete();
  }

  /** Called on the I/O thread; {@code then} runs there too, once the body is in. */
  void receive(HttpServerExchange exchange, Runnable then) {
    String path = exchange.getRequestPath();
    var outcome = new Outcome();
    XnioExecutor.Key timer =
        exchange
            .getIoThread()
            .executeAfter(
                () -> {
                  if (outcome.decide()) {
                    LOG.warn("request body on {} did not arrive within {}", path, deadline);
                    closeWith(exchange, errors.respond(path, 408, "The request took too long."));
                  }
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    if (BodyLimits.declaredTooLarge(exchange)) {
      discardThen413(exchange, path, outcome, timer);
      return;
    }
    BodyLimits.apply(exchange);
    exchange
        .getRequestReceiver()
        .receiveFullBytes(
            (ex, bytes) -> {
              if (outcome.decide()) {
                timer.remove();
                ex.putAttachment(BODY, bytes);
                then.run();
              }
            },
            (ex, failure) -> {
              if (outcome.decide()) {
                timer.remove();
                ResponseWriter.write(ex, errors.map(path, unreadable(failure)));
              }
            });
  }

  /**
   * A body whose {@code Content-Length} alone is over the limit: read and dropped (up to {@link
   * BodyLimits#MAX_DISCARD}) before the 413, as a client still sending sees a reset instead of an
   * answer from a server that closed on it.
   */
  private void discardThen413(
      HttpServerExchange exchange, String path, Outcome outcome, XnioExecutor.Key timer) {
    var tooLarge = errors.respond(path, 413, "The request is too large.");
    if (exchange.getRequestContentLength() > BodyLimits.MAX_DISCARD) {
      outcome.decide();
      timer.remove();
      closeWith(exchange, tooLarge);
      return;
    }
    exchange.setMaxEntitySize(exchange.getRequestContentLength());
    exchange
        .getRequestReceiver()
        .receivePartialBytes(
            (ex, dropped, last) -> {
              if (last && outcome.decide()) {
                timer.remove();
                ResponseWriter.write(ex, tooLarge);
              }
            },
            (ex, gone) -> {
              if (outcome.decide()) {
                timer.remove();
                closeWith(ex, tooLarge);
              }
            });
  }

  /** Too large stays a 413; anything else that breaks the body is the client's 400. */
  private static Throwable unreadable(Throwable failure) {
    return failure instanceof RequestTooBigException
        ? failure
        : new MalformedRequestException(400, "The request body could not be read.", failure);
  }

  /**
   * Answers without waiting for the rest of the body, which will never be read: the request is
   * marked ended, so that Undertow does not try to drain it, and the connection closes after the
   * answer.
   */
  private static void closeWith(HttpServerExchange exchange, WebResponse response) {
    exchange.setPersistent(false);
    Connectors.terminateRequest(exchange);
    ResponseWriter.write(exchange, response);
  }

  /**
   * Whichever comes first, the body, a failure or the deadline, decides; the others find it
   * decided. All of them run on the connection's one I/O thread, so no lock is needed.
   */
  private static final class Outcome {
    private boolean decided;

    boolean decide() {
      if (decided) {
        return false;
      }
      decided = true;
      return true;
    }
  }
}
