package com.siali.label.app.bench;

import static com.siali.label.app.bench.BenchSupport.jarClassPath;
import static com.siali.label.app.bench.BenchSupport.javaCommand;
import static com.siali.label.app.bench.BenchSupport.median;
import static com.siali.label.app.bench.BenchSupport.prepareSignedIn;

import com.siali.label.server.bench.HeadlessNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and idle RSS of the console: {@code ./label-studio start} as a user runs it, beside a
 * bare JavaFX hello window (part of {@link ConsoleBenchmark}).
 */
final class StartupBenchmark {
  /** ./label-studio, or the installed package's menu entry command (installer/bench-window.sh). */
  private static final Path LAUNCHER =
      Path.of(System.getProperty("bench.launcher", "label-studio")).toAbsolutePath();

  private static final Path STARTUP_CACHES =
      Path.of(
          System.getProperty(
              "bench.startupCaches", LAUNCHER.resolveSibling("app-desktop/target/aot").toString()));
  private static final String NAME = LAUNCHER.getFileName().toString();

  /** The hello window's class path: the bench's jars, the application's among them (JavaFX too). */
  private static String helloClassPath;

  private StartupBenchmark() {}

  /**
   * Alternating runs of: the bare hello window; {@code ./label-studio start} as a user runs it,
   * with the start-up cache it made from its own earlier starts (ADR 0010); the same without it;
   * and, for comparison, the hello window with an AOT cache of its own.
   */
  static void run(Path work, int runs) throws Exception {
    System.out.println(
        "preparing: the start-up cache of "
            + LAUNCHER
            + " (one 25 s start records, the next makes it)");
    helloClassPath = jarClassPath(work.resolve("bench-classes.jar"));
    Path helloCache = work.resolve("hello.aot");
    prepareStartupCaches(work, helloCache);
    List<Long> hello = new ArrayList<>();
    List<Long> helloCached = new ArrayList<>();
    List<Long> app = new ArrayList<>();
    List<Long> appUncached = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    List<Long> rssUncached = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      hello.add(timeHello(List.of()));
      long[] cached = timeApplication(signedIn(work, "start-" + run), true);
      app.add(cached[0]);
      rss.add(cached[1]);
      helloCached.add(timeHello(List.of("-XX:AOTCache=" + helloCache)));
      long[] uncached = timeApplication(signedIn(work, "start-uncached-" + run), false);
      appUncached.add(uncached[0]);
      rssUncached.add(uncached[1]);
    }
    long helloMedian = median(hello);
    long appMedian = median(app);
    System.out.printf("bare JavaFX hello window shown: median %d ms %s%n", helloMedian, hello);
    System.out.printf(
        "Siali Label window shown and /health 200 (%s start, its start-up cache):"
            + " median %d ms %s%n",
        NAME, appMedian, app);
    System.out.printf("ratio: %.2f x (target <= 2)%n", appMedian / (double) helloMedian);
    System.out.printf(
        "idle RSS with the window on People (1 000 accounts), 10 s after start: median %d MB %s%n",
        median(rss), rss);
    System.out.printf(
        "for comparison: without that cache (SIALI_STARTUP_CACHE=off; the package then uses its own): median %d ms %s (%.2f x),"
            + " RSS %d MB%n",
        median(appUncached),
        appUncached,
        median(appUncached) / (double) helloMedian,
        median(rssUncached));
    System.out.printf(
        "for comparison: the hello window with an AOT cache of its own: median %d ms %s"
            + " (Siali Label with its cache: %.2f x that)%n",
        median(helloCached), helloCached, appMedian / (double) median(helloCached));
  }

  private static Path signedIn(Path work, String name) {
    Path data = work.resolve(name);
    prepareSignedIn(data, 1_000);
    return data;
  }

  /**
   * ./label-studio's window cache made the way a user's first starts make it: one start that runs
   * long enough records, the next makes the cache in the background. The hello window records its
   * own in one run.
   */
  private static void prepareStartupCaches(Path work, Path helloCache) throws Exception {
    try (var old = Files.newDirectoryStream(STARTUP_CACHES, "start-window.*")) {
      for (Path file : old) {
        Files.delete(file);
      }
    } catch (NoSuchFileException none) {
      // no cache yet
    }
    timeApplication(signedIn(work, "recording"), true, 25_000);
    timeApplication(signedIn(work, "making"), true, 0);
    Path cache = STARTUP_CACHES.resolve("start-window.aot");
    for (int i = 0; i < 1200 && !Files.exists(cache); i++) {
      Thread.sleep(100);
    }
    if (!Files.exists(cache)) {
      throw new IllegalStateException(NAME + " made no start-up cache in " + STARTUP_CACHES);
    }
    while (Files.exists(STARTUP_CACHES.resolve("making"))) {
      Thread.sleep(100);
    }
    timeHello(List.of("-XX:AOTCacheOutput=" + helloCache));
    if (!Files.exists(helloCache)) {
      throw new IllegalStateException("the hello window wrote no AOT cache");
    }
  }

  private static long timeHello(List<String> options) throws Exception {
    long start = System.nanoTime();
    Process process = java(options, List.of(HelloWindow.class.getName())).start();
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("shown")) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      }
      throw new IllegalStateException("the hello window did not show");
    } finally {
      process.destroy();
      process.waitFor(120, TimeUnit.SECONDS); // a recording run writes its AOT cache as it exits
    }
  }

  private static long[] timeApplication(Path data, boolean startupCache) throws Exception {
    return timeApplication(data, startupCache, 10_000);
  }

  /**
   * Milliseconds until both the window is open and /health answers, and the RSS in MB after {@code
   * holdMillis} from the start (when the process is stopped).
   */
  private static long[] timeApplication(Path data, boolean startupCache, long holdMillis)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    ProcessBuilder launch =
        new ProcessBuilder(
                LAUNCHER.toString(),
                "start",
                "--data-dir",
                data.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    launch.environment().put("SIALI_STARTUP_CACHE", startupCache ? "on" : "off");
    long start = System.nanoTime();
    Process process = launch.start();
    CountDownLatch windowOpen = new CountDownLatch(1);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("Admin window open")) {
                    windowOpen.countDown();
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    try {
      long serverUp = -1;
      while (serverUp < 0) {
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            serverUp = System.nanoTime();
          }
        } catch (IOException notYet) {
          Thread.sleep(5);
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the application exited with " + process.exitValue());
        }
      }
      if (!windowOpen.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the window did not open");
      }
      long ready = Math.max(serverUp, System.nanoTime());
      long elapsed = (ready - start) / 1_000_000;
      Thread.sleep(Math.max(0, holdMillis - elapsed));
      long rssMb = HeadlessNode.residentKib(process.pid()) / 1024;
      return new long[] {elapsed, rssMb};
    } finally {
      process.destroy();
      process.waitFor(120, TimeUnit.SECONDS);
    }
  }

  private static ProcessBuilder java(List<String> options, List<String> mainAndArgs) {
    List<String> command = javaCommand(options);
    command.addAll(List.of("-cp", helloClassPath));
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
  }
}
