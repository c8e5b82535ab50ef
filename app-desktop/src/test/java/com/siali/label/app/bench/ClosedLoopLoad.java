package com.siali.label.app.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The cluster benchmark's load from its own JVM: a fixed number of clients, each sending its next
 * request as soon as the last one is answered (a closed loop), and what they saw.
 */
final class ClosedLoopLoad {
  private static final int CLIENTS = 8;

  private ClosedLoopLoad() {}

  /**
   * {@value #CLIENTS} clients send {@code request} back to back for {@code seconds}; prints
   * requests per second, p50 and p99, and every status but 200/302; returns requests per second.
   */
  static double run(String name, String base, Function<String, HttpRequest> request, int seconds)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, AtomicInteger> unexpected = new ConcurrentHashMap<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      long start = System.nanoTime();
                      int status;
                      try {
                        status =
                            http.send(request.apply(base), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                      } catch (IOException | InterruptedException e) {
                        status = -1;
                      }
                      latencies.add(System.nanoTime() - start);
                      if (status != 200 && status != 302) {
                        unexpected
                            .computeIfAbsent(status, s -> new AtomicInteger())
                            .incrementAndGet();
                      }
                    }
                  }));
    }
    for (Thread client : clients) {
      client.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double rate = sorted.size() / (double) seconds;
    System.out.printf(
        Locale.ROOT,
        "%-28s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms%s%n",
        name,
        rate,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        unexpected.isEmpty() ? "" : "  unexpected statuses " + unexpected);
    return rate;
  }

  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}
