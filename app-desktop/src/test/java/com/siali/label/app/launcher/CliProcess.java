package com.siali.label.app.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code label-studio} run as its own JVM, the way a user runs it from a terminal. */
final class CliProcess {
  record Finished(int exitCode, String out, String err) {}

  /** The start's line "Siali Label is running at http://host:port/": the address and the port. */
  private static final Pattern RUNNING =
      Pattern.compile("Siali Label is running at (http://[^:/]+:(\\d+))/");

  private final Process process;
  private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();
  private final StringBuilder err = new StringBuilder();

  private CliProcess(Process process) {
    this.process = process;
    Thread.ofVirtual()
        .start(
            () ->
                pump(
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                    outLines));
    Thread.ofVirtual()
        .start(
            () -> {
              try (var reader = process.errorReader(StandardCharsets.UTF_8)) {
                reader
                    .lines()
                    .forEach(
                        line -> {
                          synchronized (err) {
                            err.append(line).append('\n');
                          }
                        });
              } catch (IOException ignored) {
                // process ended
              }
            });
  }

  static CliProcess launch(Path dataDir, String... args) throws IOException {
    return launch(dataDir, Map.of(), args);
  }

  /** With {@code environment} set as well (the PostgreSQL test database's variables). */
  static CliProcess launch(Path dataDir, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--data-dir", dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("LABEL_STUDIO_"));
    builder.environment().putAll(environment);
    return new CliProcess(builder.start());
  }

  /** Runs a command to its end, feeding {@code stdin}. */
  static Finished run(Path dataDir, String stdin, String... args) throws Exception {
    return run(dataDir, Map.of(), stdin, args);
  }

  static Finished run(Path dataDir, Map<String, String> environment, String stdin, String... args)
      throws Exception {
    CliProcess cli = launch(dataDir, environment, args);
    try (var in = cli.process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return cli.waitFor(60);
  }

  /**
   * {@code start --headless --port=0} with {@code email} as the owner it seeds (and {@code extra}
   * arguments), the way an operator starts a node.
   */
  static CliProcess launchHeadless(
      Path dataDir, Map<String, String> environment, String email, String password, String... extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "start", "--headless", "--port=0", "--username", email, "--password", password));
    args.addAll(List.of(extra));
    return launch(dataDir, environment, args.toArray(String[]::new));
  }

  /** Waits for the start's "running at" line; the address it names, {@code http://host:port}. */
  String awaitRunningAddress(long seconds) throws InterruptedException {
    return running(seconds).group(1);
  }

  /** Waits for the start's "running at" line; the port it names. */
  int awaitRunningPort(long seconds) throws InterruptedException {
    return Integer.parseInt(running(seconds).group(2));
  }

  private Matcher running(long seconds) throws InterruptedException {
    String line = awaitLine("Siali Label is running at", seconds);
    Matcher running = RUNNING.matcher(line);
    if (!running.find()) {
      throw new AssertionError("not the address the start names: " + line);
    }
    return running;
  }

  /** Waits for a line of standard output that contains {@code text}. */
  String awaitLine(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = outLines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
      if (line == null && !process.isAlive() && outLines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no line with '" + text + "'; stderr: " + stderr());
  }

  Finished waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "label-studio did not finish in " + seconds + " s; stderr: " + stderr());
    }
    Thread.sleep(100); // let the pumps drain
    List<String> lines = new ArrayList<>();
    outLines.drainTo(lines);
    return new Finished(
        process.exitValue(), lines.isEmpty() ? "" : String.join("\n", lines) + "\n", stderr());
  }

  /** SIGTERM, as a service manager or Ctrl-C would stop it. */
  Finished terminate() throws InterruptedException {
    process.destroy();
    return waitFor(30);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void kill() {
    process.destroyForcibly();
  }

  private String stderr() {
    synchronized (err) {
      return err.toString();
    }
  }

  private static void pump(BufferedReader reader, BlockingQueue<String> lines) {
    try (reader) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // process ended
    }
  }
}
