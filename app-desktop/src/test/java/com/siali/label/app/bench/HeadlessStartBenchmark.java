package com.siali.label.app.bench;

import static com.siali.label.app.bench.BenchSupport.javaCommand;
import static com.siali.label.app.bench.BenchSupport.median;
import static com.siali.label.app.bench.BenchSupport.prepareSignedIn;

import com.siali.label.server.bench.HeadlessNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code tools/bench start [RUNS]}: how soon {@code ./label-studio start --headless} answers its
 * first {@code /health} 200, beside a bare Undertow process ({@link BareUndertow}) started by the
 * same JVM with the same options. Interleaved runs of: the bare process; a restart on an existing
 * data directory (1 000 accounts) with the start-up cache the launcher made from its own starts
 * (ADR 0010); the same restart without it; a first start on a new directory. Also the resident
 * memory 10 s after a restart, idle. Prints each run and the medians.
 */
public final class HeadlessStartBenchmark {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("bench.launcher", "label-studio")).toAbsolutePath();
  private static final Path STARTUP_CACHES =
      Path.of(
          System.getProperty(
              "bench.startupCaches", LAUNCHER.resolveSibling("app-desktop/target/aot").toString()));
  private static final long IDLE_MILLIS = 10_000;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private HeadlessStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path work = Files.createTempDirectory("siali-start-bench");
    Path existing = work.resolve("existing");
    prepareSignedIn(existing, 1_000);
    System.out.println(
        "preparing the headless start-up cache of "
            + LAUNCHER
            + " (one start records, the next makes it)");
    prepareStartupCache(existing);

    List<Long> bare = new ArrayList<>();
    List<Long> cached = new ArrayList<>();
    List<Long> uncached = new ArrayList<>();
    List<Long> fresh = new ArrayList<>();
    List<Long> idleRss = new ArrayList<>();
    timeBare(); // the file cache and the page cache warmed once
    for (int run = 0; run < runs; run++) {
      bare.add(timeBare());
      Timed restart = timeLauncher(existing, Map.of(), IDLE_MILLIS);
      cached.add(restart.millis());
      idleRss.add(restart.rssMb());
      uncached.add(timeLauncher(existing, Map.of("SIALI_STARTUP_CACHE", "off"), 0).millis());
      fresh.add(timeLauncher(work.resolve("new-" + run), Map.of(), 0).millis());
    }
    long bareMedian = median(bare);
    System.out.printf("bare Undertow process, first 200: median %d ms %s%n", bareMedian, bare);
    print("restart on an existing data directory, with the start-up cache", cached, bareMedian);
    print("the same restart, SIALI_STARTUP_CACHE=off", uncached, bareMedian);
    print("first start on a new data directory", fresh, bareMedian);
    System.out.printf(
        "idle resident memory %d s after a restart: median %d MB %s (target <= 150 MB)%n",
        IDLE_MILLIS / 1000, median(idleRss), idleRss);
  }

  private static void print(String what, List<Long> millis, long bareMedian) {
    System.out.printf(
        "%s, first /health 200: median %d ms %s, %.2f x bare (target <= 2 x)%n",
        what, median(millis), millis, median(millis) / (double) bareMedian);
  }

  /**
   * The launcher's headless cache made the way an operator's first starts make it: a start records
   * (its recording counts once the server has answered), the next one makes the cache in the
   * background.
   */
  private static void prepareStartupCache(Path data) throws Exception {
    try (var old = Files.newDirectoryStream(STARTUP_CACHES, "start-headless.*")) {
      for (Path file : old) {
        Files.delete(file);
      }
    } catch (NoSuchFileException none) {
      // no cache yet
    }
    timeLauncher(data, Map.of(), 0);
    timeLauncher(data, Map.of(), 0);
    Path cache = STARTUP_CACHES.resolve("start-headless.aot");
    for (int i = 0; i < 1200 && !Files.exists(cache); i++) {
      Thread.sleep(100);
    }
    if (!Files.exists(cache)) {
      throw new IllegalStateException(
          LAUNCHER + " made no headless start-up cache in " + STARTUP_CACHES);
    }
    while (Files.exists(STARTUP_CACHES.resolve("making"))) {
      Thread.sleep(100);
    }
  }

  private static long timeBare() throws Exception {
    int port = HeadlessNode.freePort();
    List<String> command = javaCommand(List.of());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BareUndertow.class.getName(),
            Integer.toString(port)));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      return awaitFirst200(process, port, start);
    } finally {
      stop(process);
    }
  }

  private record Timed(long millis, long rssMb) {}

  /** Launch to the first {@code /health} 200, and the RSS {@code holdMillis} after the launch. */
  private static Timed timeLauncher(Path data, Map<String, String> environment, long holdMillis)
      throws Exception {
    int port = HeadlessNode.freePort();
    long start = System.nanoTime();
    Process process = HeadlessNode.start(LAUNCHER, data, port, false, environment);
    try {
      long millis = awaitFirst200(process, port, start);
      Thread.sleep(Math.max(0, holdMillis - millis));
      return new Timed(millis, holdMillis > 0 ? HeadlessNode.residentKib(process.pid()) / 1024 : 0);
    } finally {
      stop(process);
    }
  }

  private static long awaitFirst200(Process process, int port, long start) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    while (true) {
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited with " + process.exitValue());
      }
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
        throw new IllegalStateException("no /health 200 within 120 s");
      }
      Thread.sleep(10);
    }
  }

  /** SIGTERM, as an operator stops it (a recording start writes its recording as it exits). */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
