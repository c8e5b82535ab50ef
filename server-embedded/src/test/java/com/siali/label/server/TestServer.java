package com.siali.label.server;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.http.TrustedProxies;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The real web application on an ephemeral port over a real H2 database in a temp directory. */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  private static final PasswordPolicy POLICY = PasswordPolicy.standard();

  final Path dataDir;
  final Database database;
  final Services services;
  final LanServer server;

  TestServer(Path dataDir, Optional<Boolean> signupRequiresLink) {
    this(dataDir, signupRequiresLink, WebSettings.BODY_DEADLINE);
  }

  /** With a request body deadline other than the real one. */
  TestServer(Path dataDir, Optional<Boolean> signupRequiresLink, Duration bodyDeadline) {
    this(
        dataDir,
        new WebSettings(signupRequiresLink, false, Set.of("127.0.0.1", "localhost"), bodyDeadline));
  }

  /** Behind {@code proxies}, with {@code publicUrl} as {@code LABEL_STUDIO_HOST}. */
  TestServer(Path dataDir, TrustedProxies proxies, Optional<PublicUrl> publicUrl) {
    this(
        dataDir,
        new WebSettings(Optional.empty(), false, Set.of("127.0.0.1", "localhost"))
            .behind(proxies, publicUrl));
  }

  private TestServer(Path dataDir, WebSettings settings) {
    this(dataDir, settings, TestDatabases.target(dataDir));
  }

  /** On {@code database} (a PostgreSQL server of the test's own), behind {@code proxies}. */
  TestServer(Path dataDir, TrustedProxies proxies, DatabaseTarget database) {
    this(
        dataDir,
        new WebSettings(Optional.empty(), false, Set.of("127.0.0.1", "localhost"))
            .behind(proxies, Optional.empty()),
        database);
  }

  /**
   * A server on {@code database}, which another {@code TestServer} may use too: a second node of a
   * cluster (PostgreSQL only: H2's file is opened by one process).
   */
  TestServer(Path dataDir, DatabaseTarget database, Optional<Boolean> signupRequiresLink) {
    this(
        dataDir,
        new WebSettings(signupRequiresLink, false, Set.of("127.0.0.1", "localhost")),
        database);
  }

  /** With the services on {@code clock} (a test moves it to expire what expires). */
  TestServer(Path dataDir, Optional<Boolean> signupRequiresLink, Clock clock) {
    this(
        dataDir,
        new WebSettings(signupRequiresLink, false, Set.of("127.0.0.1", "localhost")),
        TestDatabases.target(dataDir),
        clock);
  }

  private TestServer(Path dataDir, WebSettings settings, DatabaseTarget target) {
    this(dataDir, settings, target, Clock.systemUTC());
  }

  private TestServer(Path dataDir, WebSettings settings, DatabaseTarget target, Clock clock) {
    this.dataDir = dataDir;
    DataDirectory directory = DataDirectory.open(dataDir);
    database = Database.open(directory, target);
    services =
        Services.over(database, directory.avatars(), PasswordHasher.withDefaults(), POLICY, clock);
    server = LanServer.start("127.0.0.1", 0, WebApp.create(services, settings));
    server.open();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  User account(String email) {
    return services.accounts().create(NewAccount.of(email, PASSWORD));
  }

  String tokenOf(User user) {
    return services.apiTokens().tokenOf(user.id());
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
