package com.siali.label.service;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.testing.MutableClock;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A real installation in a temp directory: H2 file database, Flyway, real Argon2, a clock tests can
 * move.
 */
final class TestStore implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00.123456789Z"));
  final DataDirectory directory;
  final Database database;
  final Services services;

  TestStore(Path dir) {
    this(dir, PasswordHasher.withDefaults());
  }

  TestStore(Path dir, PasswordHasher hasher) {
    directory = DataDirectory.open(dir);
    database = TestDatabases.open(directory);
    services = Services.over(database, directory.avatars(), hasher, SharedPolicy.INSTANCE, clock);
  }

  User create(String email) {
    return services.accounts().create(NewAccount.of(email, PASSWORD));
  }

  @Override
  public void close() {
    database.close();
  }

  /** Loading the 20 000-entry list once per test run keeps the suite quick. */
  private static final class SharedPolicy {
    static final PasswordPolicy INSTANCE = PasswordPolicy.standard();
  }
}
