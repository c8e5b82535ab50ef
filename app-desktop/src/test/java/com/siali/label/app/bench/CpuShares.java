package com.siali.label.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where the machine's CPU went during one phase of the cluster benchmark: each node, PostgreSQL's
 * processes, nginx's, and the benchmark's own JVM with the clients it ran and reaped (wrk). Read
 * from {@code /proc} before and after the phase, so that a log-in figure below the Argon2 bound
 * says which process took the difference.
 */
final class CpuShares {
  /** Clock ticks per second of {@code /proc/PID/stat}'s times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  /** Positions in {@link #machineTicks}. */
  private static final int IDLE = 3;

  private static final int STEAL = 7;

  private final Map<String, Long> nodes;
  private final Map<String, Double> startMillis;
  private final long[] startMachine;

  private CpuShares(Map<String, Long> nodes) {
    this.nodes = nodes;
    this.startMillis = millisNow();
    this.startMachine = machineTicks();
  }

  /** Starts counting; {@code nodes} are the nodes' process ids by name. */
  static CpuShares start(Map<String, Long> nodes) {
    return new CpuShares(nodes);
  }

  /**
   * One line: the CPU milliseconds each part spent per request since {@link #start}, their sum, and
   * what the machine's cores could give a request at that rate.
   */
  String perRequest(long requests, double seconds, int cores) {
    Map<String, Double> end = millisNow();
    StringJoiner parts = new StringJoiner(", ");
    double total = 0;
    for (var part : end.entrySet()) {
      double spent = (part.getValue() - startMillis.getOrDefault(part.getKey(), 0.0)) / requests;
      total += spent;
      parts.add(String.format(Locale.ROOT, "%s %.1f", part.getKey(), spent));
    }
    double available = cores * seconds * 1000 / requests;
    long[] machine = machineTicks();
    double idle = (machine[IDLE] - startMachine[IDLE]) * 1000 / TICKS_PER_SECOND / requests;
    double steal = (machine[STEAL] - startMachine[STEAL]) * 1000 / TICKS_PER_SECOND / requests;
    return String.format(
        Locale.ROOT,
        "  CPU ms per request: %s; all %.1f of the %.1f the cores had (idle %.1f, stolen by the"
            + " host %.1f)",
        parts,
        total,
        available,
        idle,
        steal);
  }

  /**
   * The machine's {@code /proc/stat} "cpu" line: user, nice, system, idle, iowait, irq, softirq,
   * steal (what the hypervisor gave other guests while this one wanted to run), in ticks; zeros
   * where it cannot be read.
   */
  private static long[] machineTicks() {
    long[] ticks = new long[8];
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 0; i < ticks.length && i + 1 < fields.length; i++) {
        ticks[i] = Long.parseLong(fields[i + 1]);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the line says 0
    }
    return ticks;
  }

  private Map<String, Double> millisNow() {
    Map<String, Double> now = new LinkedHashMap<>();
    nodes.forEach(
        (name, pid) ->
            now.put("node " + name, ProcessHandle.of(pid).map(CpuShares::millis).orElse(0.0)));
    now.put("PostgreSQL", commandMillis("postgres"));
    now.put("nginx", commandMillis("nginx"));
    now.put("benchmark JVM + wrk", ownAndReapedChildrenMillis());
    return now;
  }

  private static double commandMillis(String name) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> Path.of(c).endsWith(name)).orElse(false))
        .mapToDouble(CpuShares::millis)
        .sum();
  }

  static double millis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e6;
  }

  /** This JVM's user + system time and that of the children it has waited for (fields 14–17). */
  private static double ownAndReapedChildrenMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14–17.
      long ticks = 0;
      for (int field = 14; field <= 17; field++) {
        ticks += Long.parseLong(fields[field - 3]);
      }
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException e) {
      return 0;
    }
  }
}
