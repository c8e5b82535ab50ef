package com.siali.label.server.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code label-studio start --headless} process the benchmarks start the way users do (so with
 * the launcher's JVM options and environment), on loopback, and wait for.
 */
public final class HeadlessNode {
  public static final String EMAIL = "lead@example.com";
  public static final String PASSWORD = "correct horse battery";
  public static final String TOKEN = "benchmark-owner-token-0123456789";

  private HeadlessNode() {}

  /**
   * Starts {@code launcher} on {@code data} and {@code port}; {@code withOwner} also creates the
   * owner {@link #EMAIL} with {@link #PASSWORD} and API token {@link #TOKEN}. Its output goes to
   * {@code data/node.out}.
   */
  public static Process start(
      Path launcher, Path data, int port, boolean withOwner, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(data);
    List<String> command =
        new ArrayList<>(
            List.of(
                launcher.toString(),
                "start",
                "--headless",
                "--data-dir",
                data.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port)));
    if (withOwner) {
      command.addAll(List.of("--username", EMAIL, "--password", PASSWORD, "--user-token", TOKEN));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(data.resolve("node.out").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  public static void awaitHealth(String base) throws Exception {
    awaitAnswer(base + "/health");
  }

  /** Waits up to 2 minutes for a 200 from {@code url}. */
  public static void awaitAnswer(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("nothing answered " + url);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The process's resident memory ({@code VmRSS}) in KiB. */
  public static long residentKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the process " + pid + " is gone", e);
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }
}
