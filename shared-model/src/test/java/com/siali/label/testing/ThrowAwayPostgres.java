package com.siali.label.testing;

import com.siali.label.persistence.DatabaseSettings;
import com.siali.label.persistence.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of one test's own, which the test may stop and start (the shared test server
 * of {@link TestDatabases} belongs to every test and is never stopped): made by {@code
 * tools/test-postgres.sh} on a free port in a directory of its own under {@code /tmp} (as root, the
 * script runs it as the {@code postgres} user, who cannot enter a JUnit temp directory).
 */
public final class ThrowAwayPostgres implements AutoCloseable {
  private final Path script;
  private final Path dir;
  private final int port;

  private ThrowAwayPostgres(Path script, Path dir, int port) {
    this.script = script;
    this.dir = dir;
    this.port = port;
  }

  /** Creates and starts the cluster (a few seconds: initdb). */
  public static ThrowAwayPostgres start() {
    Path script = repositoryRoot().resolve("tools/test-postgres.sh");
    int port = freePort();
    Path dir = Path.of("/tmp", "siali-throwaway-pg-" + ProcessHandle.current().pid() + "-" + port);
    ThrowAwayPostgres postgres = new ThrowAwayPostgres(script, dir, port);
    postgres.resume();
    return postgres;
  }

  /** Its {@code postgres} database, as the application takes it. */
  public DatabaseTarget.PostgreSql target() {
    return DatabaseSettings.fromUrl(
        "postgresql://postgres@127.0.0.1:" + port + "/postgres",
        "the throw-away test cluster",
        true,
        Map.of());
  }

  /** Stops the server (pg_ctl's fast mode: sessions are ended, committed data kept). */
  public void stop() {
    run("stop");
  }

  /** Starts it again on the same port and data. */
  public void resume() {
    run("start");
  }

  private void run(String action) {
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString(), action).redirectErrorStream(true);
    builder.environment().put("SIALI_TEST_POSTGRES_PORT", Integer.toString(port));
    builder.environment().put("SIALI_TEST_POSTGRES_DIR", dir.toString());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("tools/test-postgres.sh " + action + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      delete(dir);
      delete(Path.of(dir + ".initdb.log"));
    }
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left in /tmp; harmless
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout: the module directory's parent when run by Surefire. */
  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("tools/test-postgres.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "tools/test-postgres.sh not found above " + Path.of("").toAbsolutePath());
  }
}
