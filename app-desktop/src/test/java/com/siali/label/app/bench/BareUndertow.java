package com.siali.label.app.bench;

import com.siali.label.server.LanServer;

/**
 * A bare Undertow handler in a process of its own, on the port given, answering every request with
 * a tiny JSON body: the baseline beside which the cluster benchmark puts a node's {@code whoami}
 * (nodes are processes too, so a handler inside the benchmark's own JVM, which also runs the
 * clients, would not compare). Runs until killed.
 */
public final class BareUndertow {
  private BareUndertow() {}

  public static void main(String[] args) throws InterruptedException {
    LanServer server =
        LanServer.start(
            "127.0.0.1",
            Integer.parseInt(args[0]),
            exchange -> exchange.getResponseSender().send("{\"id\": 1}"));
    server.open();
    System.out.println("ready on " + server.port());
    Thread.currentThread().join();
  }
}
