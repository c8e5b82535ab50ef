package com.siali.label.app.launcher;

import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one data directory, its database and the services over it. Whoever opens an
 * installation owns its database until {@link #close()}.
 */
final class Installation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Installation.class);

  private final DataDirectory directory;
  private final Database database;
  private final Services services;
  private final int passwordChecks;

  private Installation(
      DataDirectory directory, Database database, Services services, int passwordChecks) {
    this.directory = directory;
    this.database = database;
    this.services = services;
    this.passwordChecks = passwordChecks;
  }

  /**
   * Opens the installation in {@code root}; throws {@code DatabaseInUseException} if another
   * process has it.
   */
  static Installation open(Path root) {
    return open(root, DatabaseTarget.EMBEDDED);
  }

  /**
   * Opens the installation in {@code root} with {@code target} as its database (ADR 0013); throws
   * {@code DatabaseUnavailableException} when PostgreSQL cannot be used.
   */
  static Installation open(Path root, DatabaseTarget target) {
    return open(root, target, PasswordHasher.withDefaults());
  }

  /**
   * Opens the installation as {@link #open(Path, DatabaseTarget)} does, checking passwords with
   * {@code hasher} (a node's {@code LABEL_STUDIO_PASSWORD_CHECKS}).
   */
  static Installation open(Path root, DatabaseTarget target, PasswordHasher hasher) {
    DataDirectory directory = DataDirectory.open(root);
    LogSetup.toFile(directory.logs());
    Database database = Database.open(directory, target);
    Services services =
        Services.over(
            database, directory.avatars(), hasher, PasswordPolicy.standard(), Clock.systemUTC());
    movePictureFiles(services);
    return new Installation(directory, database, services, hasher.concurrentHashes());
  }

  /**
   * Moves the picture files of an earlier version into the database (ADR 0018) and removes the
   * files a crash left behind, beside the start rather than in its way: one query, and one listing
   * of {@code avatars/}. Until then the files are served from the folder.
   */
  private static void movePictureFiles(Services services) {
    Thread.ofVirtual()
        .name("avatar-move")
        .start(
            () -> {
              try {
                services.avatars().moveFilesIntoDatabase();
              } catch (RuntimeException e) {
                // The database may close first (a short command); the next start moves them.
                LOG.debug("moving the picture files skipped: {}", e.toString());
              }
            });
  }

  DataDirectory directory() {
    return directory;
  }

  Services services() {
    return services;
  }

  /** How many passwords are checked at once at most. */
  int passwordChecks() {
    return passwordChecks;
  }

  @Override
  public void close() {
    database.close();
  }
}
