package com.siali.label.app.bench;

import com.siali.label.server.bench.HeadlessNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two builds' log-ins side by side (run by {@code tools/bench login-cost BEFORE AFTER [ROUNDS
 * [SECONDS]]}; not a test; issue #17's "audit writes add at most 1 ms to a log-in"): each build's
 * {@code start --headless} on an H2 data directory of its own, both running, driven in turn by wrk
 * for SECONDS at a time over ROUNDS rounds, and its process's CPU time per log-in taken each time.
 * Taking turns puts both builds on the same machine at nearly the same moment: on this one a
 * verification took 23.5 ms in one {@code tools/bench web} run and 28.2 ms in the next, which hides
 * a millisecond between two runs but not between two neighbouring rounds.
 */
public final class LoginCostComparison {
  private static final int WARM_UP_ROUNDS = 3;
  private static final int WARM_UP_SECONDS = 20;

  private LoginCostComparison() {}

  private record Build(String name, Process process, String base, LoginLoad.Csrf csrf) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: BEFORE-LAUNCHER AFTER-LAUNCHER [ROUNDS [SECONDS]]");
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Path dir = Files.createTempDirectory("login-cost");
    List<Build> builds = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        String name = i == 0 ? "before" : "after";
        int port = HeadlessNode.freePort();
        Process node =
            HeadlessNode.start(Path.of(args[i]), dir.resolve(name), port, true, Map.of());
        String base = "http://127.0.0.1:" + port;
        builds.add(new Build(name, node, base, null));
        HeadlessNode.awaitHealth(base);
        builds.set(i, new Build(name, node, base, LoginLoad.csrfOf(base)));
      }
      for (int round = 0; round < WARM_UP_ROUNDS; round++) {
        for (Build build : builds) {
          LoginLoad.wrk(
              build.name() + " (warm-up)", List.of(build.base()), build.csrf(), WARM_UP_SECONDS);
        }
      }
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      List<Double> differences = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // Each round the other build goes first, so neither always follows the other's heat.
        List<Build> order = new ArrayList<>(builds);
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        double[] cost = new double[2];
        for (Build build : order) {
          cost[builds.indexOf(build)] = cpuPerLogin(build, seconds);
        }
        before.add(cost[0]);
        after.add(cost[1]);
        differences.add(cost[1] - cost[0]);
        System.out.printf(
            Locale.ROOT,
            "round %2d: server CPU per log-in before %.2f ms, after %.2f ms, difference %+.2f ms%n",
            round + 1,
            cost[0],
            cost[1],
            cost[1] - cost[0]);
      }
      Collections.sort(differences);
      System.out.printf(
          Locale.ROOT,
          "%nserver CPU per log-in over %d rounds of %d s: before median %.2f ms, after median %.2f"
              + " ms; after - before: median %+.2f ms (from %+.2f to %+.2f)%n",
          rounds,
          seconds,
          median(before),
          median(after),
          median(differences),
          differences.getFirst(),
          differences.getLast());
    } finally {
      for (Build build : builds) {
        build.process().destroy();
      }
      for (Build build : builds) {
        build.process().waitFor();
      }
    }
  }

  private static double cpuPerLogin(Build build, int seconds) throws Exception {
    ProcessHandle server = build.process().toHandle();
    double start = CpuShares.millis(server);
    double rate = LoginLoad.wrk(build.name(), List.of(build.base()), build.csrf(), seconds);
    return (CpuShares.millis(server) - start) / (rate * seconds);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
