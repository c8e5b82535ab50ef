package com.siali.label.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.xnio.management.XnioWorkerMXBean;

/**
 * Keeps {@code /health} honest (issue #18): it is answered on the I/O thread, so it would say UP
 * while every worker is taken and pages that need one wait in the queue. When every worker thread
 * is busy and requests are queued for one, {@code /health} answers 503 {@code {"status": "BUSY"}}
 * with {@code Retry-After} instead; otherwise the application answers it as before.
 */
final class WorkerSaturation {
  private WorkerSaturation() {}

  /** True when this was a {@code /health} request and it has been answered BUSY. */
  static boolean answeredBusy(HttpServerExchange exchange) {
    if (!exchange.getRequestPath().equals("/health")) {
      return false;
    }
    XnioWorkerMXBean workers = exchange.getConnection().getWorker().getMXBean();
    if (!saturated(workers)) {
      return false;
    }
    exchange.setStatusCode(503);
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send("{\"status\": \"BUSY\"}");
    return true;
  }

  /**
   * XNIO's pool queues a task only when every thread up to its maximum is taken, so a non-empty
   * queue is the sign; its busy count, where it reports one (it answers -1 in XNIO 3.8), must
   * agree.
   */
  static boolean saturated(XnioWorkerMXBean workers) {
    int busy = workers.getBusyWorkerThreadCount();
    return workers.getWorkerQueueSize() > 0 && (busy < 0 || busy >= workers.getMaxWorkerPoolSize());
  }
}
