package com.siali.label.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The soak benchmark (run by {@code tools/bench soak MINUTES}; not a test): starts the application
 * the way users do ({@code ./label-studio start --headless}, so with the launcher's JVM options and
 * environment) on a new data directory, drives it with {@link SoakTraffic} at 20 requests per
 * second for MINUTES minutes, and samples the server process's resident memory every 10 s. It
 * prints the samples, the growth from minute 1 to the end (the first minute is the JVM warming up:
 * JIT, class loading, the first hashes), the growth over the second half (a plateau is near 0), and
 * every unexpected status. Targets in docs/PERFORMANCE.md: growth below 5 % over 30 minutes, a
 * plateau, no unexpected status.
 */
public final class SoakBenchmark {
  private static final long STEP_NANOS = TimeUnit.SECONDS.toNanos(1) / SoakTraffic.CYCLE;
  private static final int SAMPLE_SECONDS = 10;

  private SoakBenchmark() {}

  public static void main(String[] args) throws Exception {
    double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    Path launcher = Path.of(System.getProperty("bench.launcher", "label-studio"));
    Path data = Files.createTempDirectory("soak-bench");
    int port = HeadlessNode.freePort();
    Process server = HeadlessNode.start(launcher, data, port, true, Map.of());
    try {
      String baseUrl = "http://127.0.0.1:" + port;
      HeadlessNode.awaitHealth(baseUrl);
      SoakTraffic traffic =
          new SoakTraffic(baseUrl, HeadlessNode.EMAIL, HeadlessNode.PASSWORD, HeadlessNode.TOKEN);
      traffic.prepare();
      List<long[]> samples = run(traffic, server.pid(), minutes);
      report(samples, traffic, minutes);
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * Drives the traffic; returns (seconds since start, RSS in KiB) every {@value #SAMPLE_SECONDS} s.
   */
  private static List<long[]> run(SoakTraffic traffic, long pid, double minutes) throws Exception {
    List<long[]> samples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + (long) (minutes * 60e9);
    long next = start;
    long nextSample = start;
    while (System.nanoTime() < end) {
      long now = System.nanoTime();
      if (now >= nextSample) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - start);
        samples.add(new long[] {seconds, HeadlessNode.residentKib(pid)});
        System.out.printf(
            Locale.ROOT,
            "  %4d s  RSS %6.1f MB  requests %d%n",
            seconds,
            samples.getLast()[1] / 1024.0,
            traffic.requests());
        nextSample += TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS);
      }
      traffic.step();
      next += STEP_NANOS;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
    samples.add(
        new long[] {
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), HeadlessNode.residentKib(pid)
        });
    return samples;
  }

  private static void report(List<long[]> samples, SoakTraffic traffic, double minutes) {
    long atMinuteOne = rssAtOrAfter(samples, 60);
    long atHalf = rssAtOrAfter(samples, (long) (minutes * 30));
    long last = samples.getLast()[1];
    System.out.printf(
        Locale.ROOT,
        "%nsoak %.1f min, %d requests: RSS at 1 min %.1f MB, at the end %.1f MB: growth %+.1f %%"
            + " (second half %+.1f %%); max %.1f MB%n",
        minutes,
        traffic.requests(),
        atMinuteOne / 1024.0,
        last / 1024.0,
        100.0 * (last - atMinuteOne) / atMinuteOne,
        100.0 * (last - atHalf) / atHalf,
        samples.stream().mapToLong(s -> s[1]).max().orElse(0) / 1024.0);
    int unexpected = traffic.unexpected().values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("unexpected statuses: " + unexpected);
    traffic.unexpected().forEach((what, count) -> System.out.println("  " + what + ": " + count));
  }

  private static long rssAtOrAfter(List<long[]> samples, long seconds) {
    return samples.stream().filter(s -> s[0] >= seconds).findFirst().orElse(samples.getLast())[1];
  }
}
