package com.siali.label.testing;

import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseSettings;
import com.siali.label.persistence.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database each test gets: the H2 file of its data directory (the default), or with {@code
 * -Dsiali.test.database=postgresql} a fresh, empty PostgreSQL database per data directory, created
 * on the server that {@code SIALI_TEST_POSTGRES_URL} names (default {@value #DEFAULT_SERVER}; the
 * password, if the server wants one, from {@code SIALI_TEST_POSTGRES_PASSWORD}). {@code
 * tools/test-postgres.sh start} runs such a server. Shared with the other modules through the test
 * jar.
 *
 * <p>The databases are named {@code siali_test_<pid>_<n>}. Each new one drops the earlier ones of
 * this JVM that nobody is connected to any more (their tests closed them), the JVM's end drops the
 * rest, and the first one drops those left by JVMs that are gone (a killed test run).
 */
public final class TestDatabases {
  public static final String PROPERTY = "siali.test.database";
  public static final String SERVER_VARIABLE = "SIALI_TEST_POSTGRES_URL";
  public static final String PASSWORD_VARIABLE = "SIALI_TEST_POSTGRES_PASSWORD";
  static final String DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:54329/postgres";
  private static final String PREFIX = "siali_test_";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Map<Path, DatabaseTarget.PostgreSql> BY_DATA_DIR = new HashMap<>();
  private static final Map<String, Boolean> LIVE = new LinkedHashMap<>();
  private static DatabaseTarget.PostgreSql server;

  private TestDatabases() {}

  /** Whether this run's tests use PostgreSQL. */
  public static boolean postgres() {
    String chosen = System.getProperty(PROPERTY, "h2").strip().toLowerCase(java.util.Locale.ROOT);
    return switch (chosen) {
      case "", "h2" -> false;
      case "postgresql", "postgres" -> true;
      default ->
          throw new IllegalStateException(
              "-D" + PROPERTY + "=" + chosen + ": expected h2 or postgresql");
    };
  }

  /** Opens the database of {@code dir} for a test (creating a PostgreSQL one the first time). */
  public static Database open(DataDirectory dir) {
    return Database.open(dir, target(dir.root()));
  }

  /**
   * The database of the data directory {@code dataDir}: the same one every time it is asked for.
   */
  public static synchronized DatabaseTarget target(Path dataDir) {
    if (!postgres()) {
      return DatabaseTarget.EMBEDDED;
    }
    Path key = dataDir.toAbsolutePath().normalize();
    DatabaseTarget.PostgreSql existing = BY_DATA_DIR.get(key);
    if (existing != null) {
      return existing;
    }
    DatabaseTarget.PostgreSql created = create();
    BY_DATA_DIR.put(key, created);
    return created;
  }

  /**
   * The environment variables that point a child process (the CLI) at {@code dataDir}'s database:
   * none on H2.
   */
  public static Map<String, String> environment(Path dataDir) {
    DatabaseTarget target = target(dataDir);
    if (!(target instanceof DatabaseTarget.PostgreSql postgres)) {
      return Map.of();
    }
    Map<String, String> environment = new HashMap<>();
    environment.put(DatabaseSettings.DATABASE_URL, url(postgres));
    postgres.password().ifPresent(password -> environment.put("POSTGRE_PASSWORD", password));
    return environment;
  }

  /** {@code postgresql://user@host:port/db}, as {@code --database-url} takes it. */
  public static String url(DatabaseTarget.PostgreSql target) {
    return "postgresql://" + target.user() + "@" + target.where();
  }

  private static DatabaseTarget.PostgreSql create() {
    DatabaseTarget.PostgreSql admin = server();
    String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = connect(admin);
        Statement statement = connection.createStatement()) {
      for (String earlier : new ArrayList<>(LIVE.keySet())) {
        try {
          statement.execute("DROP DATABASE IF EXISTS " + earlier);
          LIVE.remove(earlier);
        } catch (SQLException stillInUse) {
          // its test has not closed it (or the server has not seen the close yet): later
        }
      }
      statement.execute("CREATE DATABASE " + name);
      LIVE.put(name, true);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a test database on " + admin.where() + ": " + e.getMessage(), e);
    }
    return admin.withDatabase(name);
  }

  private static DatabaseTarget.PostgreSql server() {
    if (server != null) {
      return server;
    }
    String url = setting("siali.test.postgres.url", SERVER_VARIABLE).orElse(DEFAULT_SERVER);
    Map<String, String> environment = new HashMap<>();
    setting("siali.test.postgres.password", PASSWORD_VARIABLE)
        .ifPresent(password -> environment.put("PGPASSWORD", password));
    DatabaseTarget.PostgreSql parsed =
        DatabaseSettings.fromUrl(url, SERVER_VARIABLE, true, environment);
    try (Connection connection = connect(parsed);
        Statement statement = connection.createStatement()) {
      dropLeftovers(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "-D"
              + PROPERTY
              + "=postgresql, but there is no PostgreSQL to test on at "
              + parsed.where()
              + " ("
              + e.getMessage()
              + "): run tools/test-postgres.sh start, or set "
              + SERVER_VARIABLE,
          e);
    }
    server = parsed;
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().unstarted(TestDatabases::dropAllOfThisJvm));
    return parsed;
  }

  /** Databases of test JVMs that no longer run. */
  private static void dropLeftovers(Statement statement) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet names =
        statement.executeQuery(
            "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (names.next()) {
        String name = names.getString(1);
        String[] parts = name.substring(PREFIX.length()).split("_");
        try {
          if (ProcessHandle.of(Long.parseLong(parts[0])).isEmpty()) {
            stale.add(name);
          }
        } catch (NumberFormatException notOurs) {
          // leave it
        }
      }
    }
    for (String name : stale) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static synchronized void dropAllOfThisJvm() {
    if (LIVE.isEmpty()) {
      return;
    }
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      for (String name : LIVE.keySet()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop the test databases: " + e.getMessage());
    }
  }

  private static Connection connect(DatabaseTarget.PostgreSql target) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", target.user());
    target.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(target.jdbcUrl(), properties);
  }

  private static Optional<String> setting(String property, String variable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
