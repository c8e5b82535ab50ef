package com.siali.label.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** How many of a node's thread groups its line names; the rest are summed. */
  private static final int GROUPS_NAMED = 6;

  private final Map<String, Long> nodes;
  private final Map<String, Double> startMillis;
  private final Map<String, Map<String, Double>> startThreads;
  private final long[] startMachine;

  private CpuShares(Map<String, Long> nodes) {
    this.nodes = nodes;
    this.startMillis = millisNow();
    this.startThreads = threadGroupsNow();
    this.startMachine = machineTicks();
  }

  /** Starts counting; {@code nodes} are the nodes' process ids by name. */
  static CpuShares start(Map<String, Long> nodes) {
    return new CpuShares(nodes);
  }

  /**
   * The CPU milliseconds each part spent per request since {@link #start}, their sum, and what the
   * machine's cores could give a request at that rate; then a line per node by thread group, so
   * that a log-in figure below the bound says whether Argon2 ran slower beside the other processes
   * or the node's other work grew.
   */
  String perRequest(long requests, double seconds, int cores) {
    Map<String, Double> end = millisNow();
    Map<String, Map<String, Double>> endThreads = threadGroupsNow();
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
    StringBuilder lines =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "  CPU ms per request: %s; all %.1f of the %.1f the cores had (idle %.1f, stolen by"
                    + " the host %.1f)",
                parts,
                total,
                available,
                idle,
                steal));
    endThreads.forEach(
        (node, groups) ->
            lines
                .append(System.lineSeparator())
                .append(
                    byGroup(node, groups, startThreads.getOrDefault(node, Map.of()), requests)));
    return lines.toString();
  }

  /** " node a by thread: argon2 10.8, XNIO task 0.9, … , the rest 0.2", largest first. */
  private static String byGroup(
      String node, Map<String, Double> end, Map<String, Double> start, long requests) {
    List<Map.Entry<String, Double>> spent =
        end.entrySet().stream()
            .map(g -> Map.entry(g.getKey(), (g.getValue() - start.getOrDefault(g.getKey(), 0.0))))
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .toList();
    StringJoiner groups = new StringJoiner(", ");
    double rest = 0;
    for (int i = 0; i < spent.size(); i++) {
      double perRequest = spent.get(i).getValue() / requests;
      if (i < GROUPS_NAMED) {
        groups.add(String.format(Locale.ROOT, "%s %.2f", spent.get(i).getKey(), perRequest));
      } else {
        rest += perRequest;
      }
    }
    return String.format(
        Locale.ROOT, "    node %s by thread: %s, the rest %.2f", node, groups, rest);
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

  private Map<String, Map<String, Double>> threadGroupsNow() {
    Map<String, Map<String, Double>> now = new LinkedHashMap<>();
    nodes.forEach((name, pid) -> now.put(name, threadGroupMillis(pid)));
    return now;
  }

  /**
   * User + system time of a process's threads from {@code /proc/PID/task/*\/stat}, summed by name
   * without its numbers ({@code argon2-1-2} and {@code argon2-1-1} are {@code argon2}); empty where
   * it cannot be read. A thread that ended during the phase takes its time with it.
   */
  private static Map<String, Double> threadGroupMillis(long pid) {
    Map<String, Double> groups = new HashMap<>();
    try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path thread : threads.toList()) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          long ticks = statTicks(stat, 14, 15); // utime, stime
          groups.merge(groupOf(name), ticks * 1000 / TICKS_PER_SECOND, Double::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return groups;
  }

  /**
   * A thread's name without its trailing numbers: {@code XNIO-1 task-17} is {@code XNIO-1 task}.
   */
  private static String groupOf(String threadName) {
    String group = threadName.replaceAll("([-_ #][0-9]+)+$", "");
    return group.isEmpty() ? threadName : group;
  }

  /**
   * CPU milliseconds the JIT compilers' threads ({@code C1/C2 CompilerThread…}) of each of {@code
   * nodes} have used so far, by node name.
   */
  static Map<String, Double> compilerMillis(Map<String, Long> nodes) {
    Map<String, Double> compilers = new LinkedHashMap<>();
    nodes.forEach(
        (name, pid) ->
            compilers.put(
                name,
                threadGroupMillis(pid).entrySet().stream()
                    .filter(group -> group.getKey().matches("C[12] CompilerThre.*"))
                    .mapToDouble(Map.Entry::getValue)
                    .sum()));
    return compilers;
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
      // utime, stime, cutime, cstime
      long ticks = statTicks(Files.readString(Path.of("/proc/self/stat")), 14, 17);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The sum of fields {@code first} to {@code last} (numbered from 1, as proc(5) does) of a {@code
   * /proc/…/stat} line. They are counted after the name in parentheses, which may hold spaces.
   */
  private static long statTicks(String stat, int first, int last) {
    // fields[0] is field 3 (state)
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = 0;
    for (int field = first; field <= last; field++) {
      ticks += Long.parseLong(fields[field - 3]);
    }
    return ticks;
  }
}
