package com.siali.label.app.bench;

import com.siali.label.persistence.TempTree;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The console's figures for docs/PERFORMANCE.md (run by {@code tools/bench console} under Xvfb; not
 * a test):
 *
 * <ul>
 *   <li>start-up: process start ({@code ./label-studio start}, with the start-up cache it makes for
 *       itself) to window shown and {@code /health} answering, beside a bare JavaFX hello window,
 *       alternating, median of the runs; for comparison also without the cache, and the hello
 *       window with an AOT cache of its own;
 *   <li>idle RSS of the application with the window open on People, 10 s after start;
 *   <li>People at N accounts in the real window: time to the first page, and each keystroke's
 *       search until the table shows its result, typed at a quick typist's 8 keys a second and
 *       again back to back.
 * </ul>
 */
public final class ConsoleBenchmark {
  private ConsoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("people-rounds")) {
      PeopleBenchmark.rounds(Path.of(args[1]), false);
      System.exit(0);
    }
    if (args.length == 2 && args[0].equals("people-recording")) {
      PeopleBenchmark.rounds(Path.of(args[1]), true);
      System.exit(0);
    }
    if (args.length >= 2 && args[0].equals("prepare")) {
      // A data directory signed in as lead@example.com, to open other builds (the package) on
      // People.
      BenchSupport.prepareSignedIn(
          Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
      System.exit(0);
    }
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("console-bench");
    if (runs > 0) {
      StartupBenchmark.run(work, runs);
    }
    if (accounts > 0) {
      PeopleBenchmark.run(work.resolve("people"), accounts);
    }
    TempTree.delete(work);
    System.exit(0);
  }
}
