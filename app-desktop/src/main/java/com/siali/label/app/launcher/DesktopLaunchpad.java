package com.siali.label.app.launcher;

import com.siali.label.app.cli.AdminOperations;
import com.siali.label.app.cli.Launchpad;
import com.siali.label.app.cli.LocalAdminOperations;
import com.siali.label.app.cli.StartOptions;
import com.siali.label.app.cli.StartupException;
import com.siali.label.app.cli.UserInputException;
import com.siali.label.app.console.shell.DesktopConsole;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseCopy;
import com.siali.label.persistence.DatabaseInUseException;
import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.LanAddresses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches an installation for the commands: through the running instance's control socket when
 * there is one, else by opening the database here (ADR 0005).
 */
final class DesktopLaunchpad implements Launchpad {
  /**
   * How long a command waits for an instance that holds the database but has not opened its socket
   * yet.
   */
  private static final Duration STARTING_INSTANCE_WAIT = Duration.ofSeconds(20);

  /** {@code start}'s default port (its {@code --port}). */
  private static final int DEFAULT_PORT = 8080;

  @Override
  public AdminOperations connect(Path dataDir, DatabaseTarget database) {
    if (database.sharedByProcesses()) {
      // PostgreSQL: any number of processes may have it open, a running instance too.
      Installation installation = Installation.open(dataDir, database);
      return new LocalAdminOperations(
          installation.services(), installation::close, DesktopLaunchpad::offlineBaseUrl);
    }
    DataDirectory directory = DataDirectory.open(dataDir);
    String secret = directory.installSecret();
    Instant deadline = Instant.now().plus(STARTING_INSTANCE_WAIT);
    while (true) {
      Optional<ControlClient> running = ControlClient.connect(directory.controlSocket(), secret);
      if (running.isPresent()) {
        return running.get();
      }
      try {
        Installation installation = Installation.open(dataDir, database);
        return new LocalAdminOperations(
            installation.services(), installation::close, DesktopLaunchpad::offlineBaseUrl);
      } catch (DatabaseInUseException starting) {
        if (Instant.now().isAfter(deadline)) {
          throw starting;
        }
        pause();
      }
    }
  }

  /**
   * Where collaborators will reach an installation that is not running here (its links are for
   * later): this computer's first LAN address on the default port.
   */
  private static String offlineBaseUrl() {
    return LanAddresses.baseUrls("http", "0.0.0.0", DEFAULT_PORT).getFirst();
  }

  @Override
  public void copyDatabase(
      Path dataDir, DatabaseTarget target, boolean withSessions, PrintWriter out) {
    if (!target.sharedByProcesses()) {
      throw new UserInputException(
          "copy-database --to-postgresql needs a PostgreSQL target: --database-url, or DJANGO_DB"
              + " with the POSTGRE_* variables.");
    }
    DataDirectory directory = DataDirectory.open(dataDir);
    LogSetup.toFile(directory.logs());
    try (Database source = openSourceOf(directory);
        Database destination = Database.open(directory, target)) {
      out.println("Copying " + directory.root() + " to " + target + " ...");
      out.flush();
      Map<String, Integer> copied =
          DatabaseCopy.copy(
              source,
              destination,
              directory.avatars(),
              withSessions,
              (table, rows) -> {
                if (rows % 10_000 == 0) {
                  out.println("  " + table + ": " + rows + " rows so far");
                  out.flush();
                }
              });
      copied.forEach((table, rows) -> out.println("  " + table + ": " + rows + " rows"));
      out.println(
          "Copied and verified. Start with the same variables (or --database-url) to serve it.");
    }
  }

  /** The embedded database, which must not be in use: the copy must see every write. */
  private static Database openSourceOf(DataDirectory directory) {
    try {
      return Database.open(directory);
    } catch (DatabaseInUseException running) {
      throw new StartupException(
          "Siali Label is running with "
              + directory.root()
              + "; stop it first, so that the copy has every change.");
    }
  }

  @Override
  public int start(StartOptions options, PrintWriter out, PrintWriter err) {
    DataDirectory directory = DataDirectory.open(options.dataDir());
    Optional<InstanceLock> lock = Optional.empty();
    Instant deadline = Instant.now().plus(STARTING_INSTANCE_WAIT);
    while (lock.isEmpty()) {
      Optional<ControlClient> running =
          ControlClient.connect(directory.controlSocket(), directory.installSecret());
      if (running.isPresent()) {
        var answer = running.get().activate();
        out.println("Siali Label is already running at " + String.join(" ", answer.urls()));
        return 0;
      }
      // The lock, not the database, decides who runs: on PostgreSQL nothing else would stop a
      // second start from replacing the first one's control socket.
      lock = InstanceLock.tryTake(directory.instanceLock());
      if (lock.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw anotherIsStarting(options);
        }
        pause(); // another start holds it and has not opened its socket yet
      }
    }
    try (InstanceLock held = lock.get()) {
      return startHolding(options, out, err);
    }
  }

  private static int startHolding(StartOptions options, PrintWriter out, PrintWriter err) {
    // With a window to show, the toolkit starts now, beside the database and the server.
    Optional<CompletableFuture<Void>> toolkit =
        !options.headless() && DesktopConsole.displayAvailable(System.getenv())
            ? Optional.of(DesktopConsole.prepare())
            : Optional.empty();
    LogSetup.nodeName(
        options.node().nodeName().orElseGet(() -> LogSetup.defaultNodeName(options.port())));
    try {
      Installation installation;
      try {
        installation =
            Installation.open(options.dataDir(), options.database(), passwordHasher(options));
      } catch (DatabaseInUseException e) {
        // A command (user, reset_password) has the H2 file open for a moment.
        throw anotherIsStarting(options);
      }
      return new RunningInstance(installation, options, toolkit, out, err).runUntilStopped();
    } catch (StartupException e) {
      // Started from the desktop menu there is no terminal to read the message in: show it in a
      // dialog too.
      toolkit.ifPresent(starting -> DesktopConsole.showStartupError(starting, e.getMessage()));
      throw e;
    }
  }

  /**
   * One check per core, unless the node was given its share ({@code LABEL_STUDIO_PASSWORD_CHECKS}).
   */
  private static PasswordHasher passwordHasher(StartOptions options) {
    OptionalInt checks = options.node().passwordChecks();
    return checks.isPresent()
        ? PasswordHasher.withDefaults(checks.getAsInt())
        : PasswordHasher.withDefaults();
  }

  private static StartupException anotherIsStarting(StartOptions options) {
    return new StartupException(
        "Another Siali Label is starting with the data directory "
            + options.dataDir()
            + "; try again in a moment.");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted");
    }
  }
}
