package com.siali.label.persistence;

import com.siali.label.model.StorageUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file database of a data directory, migrated by Flyway and used through jOOQ.
 *
 * <p>It is opened in embedded mode by exactly one process (ADR 0005): H2's file lock refuses a
 * second one, which then talks to the first over its control socket. Settings:
 *
 * <ul>
 *   <li>{@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}: the schema and
 *       queries stay valid for the PostgreSQL backend to come.
 *   <li>{@code WRITE_DELAY=0}: a commit reaches the file before the call returns, so an
 *       acknowledged change survives a kill of the process.
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the application closes the database itself, after draining
 *       requests.
 *   <li>{@code QUERY_CACHE_SIZE=128}: each pooled connection keeps every statement we run parsed
 *       (the default of 8 is fewer than our distinct queries, so H2 re-parsed SQL on most calls).
 * </ul>
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final String SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
          + ";QUERY_CACHE_SIZE=128";
  private static final int MAX_CONNECTIONS = 16;

  static {
    // jOOQ prints a banner and a "tip of the day" into the log on first use; our log is for our
    // events.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  /**
   * What to run once the transaction open on this thread commits ({@link #afterCommit}); null
   * outside {@link #inTransaction}. jOOQ runs a transaction on the calling thread, so a
   * thread-local is its scope.
   */
  private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

  private final DataSource pool;
  private final Runnable closePool;
  private final SQLDialect dialect;
  private final DSLContext dsl;
  private final Path root;
  private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
  private final Optional<DatabaseProbe> probe;
  private final Optional<String> applicationName;

  private Database(
      DataSource pool,
      Runnable closePool,
      SQLDialect dialect,
      Path root,
      Optional<DatabaseProbe> probe,
      Optional<String> applicationName) {
    this.pool = pool;
    this.probe = probe;
    this.applicationName = applicationName;
    this.closePool = closePool;
    this.root = root;
    this.dialect = dialect;
    this.dsl = DSL.using(pool, dialect);
  }

  /** Opens (creating and migrating as needed) the database of {@code dir}. */
  public static Database open(DataDirectory dir) {
    return open(dir, DatabaseTarget.EMBEDDED);
  }

  /**
   * Opens {@code target} (the H2 file of {@code dir}, or PostgreSQL: ADR 0013) and migrates it.
   * Throws {@link DatabaseUnavailableException} when PostgreSQL cannot be reached or refuses us.
   */
  public static Database open(DataDirectory dir, DatabaseTarget target) {
    if (target instanceof DatabaseTarget.PostgreSql postgres) {
      String applicationName = PostgresPool.uniqueApplicationName();
      com.zaxxer.hikari.HikariDataSource pool =
          PostgresPool.open(postgres, MAX_CONNECTIONS, applicationName);
      DatabaseProbe probe = PostgresPool.probe(postgres);
      DataSource connections =
          new OutageAwareConnections(pool, probe, PostgresPool.POOL_WAIT_MILLIS);
      try {
        migrate(connections, "postgresql");
      } catch (RuntimeException e) {
        probe.close();
        pool.close();
        throw e;
      }
      return new Database(
          connections,
          pool::close,
          SQLDialect.POSTGRES,
          dir.root(),
          Optional.of(probe),
          Optional.of(applicationName));
    }
    String url = "jdbc:h2:file:" + dir.databaseBase() + SETTINGS;
    // The per-install secret doubles as the database password: a database file copied elsewhere
    // without its
    // data directory cannot be opened by someone who merely has H2 at hand.
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "siali", dir.installSecret());
    pool.setMaxConnections(MAX_CONNECTIONS);
    try (Connection probe = pool.getConnection()) {
      LOG.debug("opened database {}", probe.getMetaData().getURL());
    } catch (SQLException e) {
      pool.dispose();
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new DatabaseInUseException(dir.root(), e);
      }
      throw new IllegalStateException(
          "Cannot open the database in " + dir.root() + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, "h2");
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
    dir.restrictPermissions();
    // Connections that a closed database (a full disk) left dead are skipped, not handed out.
    return new Database(
        new HealthyConnections(pool),
        pool::dispose,
        SQLDialect.H2,
        dir.root(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The shared migrations, and those of the backend's own folder where SQL must differ ({@code
   * db/vendor/h2}, {@code db/vendor/postgresql}; ADR 0013). Flyway itself has no {@code {vendor}}
   * placeholder (that is Spring Boot's), so the folder is named here.
   */
  private static void migrate(DataSource pool, String vendor) {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }

  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Why this process cannot reach its database server right now, as of the last check (at most
   * {@link DatabaseProbe#PERIOD} ago, never a query of its own); empty while it can, and always for
   * the embedded H2 file, which is in this process.
   */
  public Optional<String> unreachable() {
    return probe.flatMap(DatabaseProbe::problem);
  }

  /**
   * Whether other processes may write this database, so that the change feed must follow its log:
   * PostgreSQL; never the H2 file, which one process opens (ADR 0005).
   */
  public boolean sharedWithOtherProcesses() {
    return dsl.dialect().family() == SQLDialect.POSTGRES;
  }

  /** How a change follower on this database waits for news (ADR 0014). */
  ChangeWakeups changeWakeups() {
    return applicationName.isPresent()
        ? new PostgresWakeups(pool, applicationName.get())
        : ChangeWakeups.polling();
  }

  /**
   * {@code user} of the database (a cache that reads it on its own threads) is closed before the
   * connections are, so that none of its reads outlives the pool.
   */
  public void closeFirst(AutoCloseable user) {
    closeFirst.add(user);
  }

  /**
   * Runs {@code work} in one transaction; it commits when {@code work} returns and rolls back when
   * it throws. After a commit, and before this returns, the {@link ChangeFeed} deliveries of the
   * transaction are delivered. (A call inside another's {@code work} is a transaction of its own,
   * on another connection.)
   */
  public <T> T inTransaction(Function<DSLContext, T> work) {
    if (unreachable().isPresent()) {
      // At once, rather than after the pool's time-out: a load balancer moves on to another node.
      throw StorageUnavailableException.databaseUnreachable();
    }
    List<Runnable> outer = AFTER_COMMIT.get();
    List<Runnable> committed = new ArrayList<>(2);
    AFTER_COMMIT.set(committed);
    T result;
    try {
      result = transactionOnOwnConnection(work);
    } catch (RuntimeException e) {
      throw StorageFailures.translate(e, root);
    } finally {
      if (outer == null) {
        AFTER_COMMIT.remove();
      } else {
        AFTER_COMMIT.set(outer);
      }
    }
    committed.forEach(Runnable::run);
    return result;
  }

  /**
   * {@code work} on a connection of its own with auto-commit off, committed when it returns and
   * rolled back when it throws. Not jOOQ's {@code transactionResult}: from 3.21 its transaction
   * provider asks the connection for its isolation level at every begin and end, and PostgreSQL's
   * driver answers that with a {@code SHOW TRANSACTION ISOLATION LEVEL} round trip to the server:
   * one statement more per transaction, for a level we never change (docs/PERFORMANCE.md, issue
   * #16). The connection goes back to the pool in auto-commit, as it came.
   */
  private <T> T transactionOnOwnConnection(Function<DSLContext, T> work) {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      // As jOOQ says it, so that StorageFailures reads the cause the same way.
      throw new DataAccessException("Error getting connection from data source", e);
    }
    try (connection) {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.apply(DSL.using(connection, dialect));
        connection.commit();
      } catch (RuntimeException | Error | SQLException failed) {
        rollBack(connection, failed);
        throw failed;
      }
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      throw new DataAccessException("The transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Rolls back, and gives the connection back to the pool in auto-commit as it came, as jOOQ did,
   * even when the rollback fails: H2's pool rolls back a connection it hands out again, and on a
   * database that a full disk closed, one left out of auto-commit fails that with an {@code
   * AssertionError} from the store rather than the "database closed" that {@link
   * HealthyConnections} knows to skip, so the first request after the disk had room again failed
   * (FullDiskIT).
   */
  private static void rollBack(Connection connection, Throwable failed) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failed.addSuppressed(e);
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException | RuntimeException e) {
      failed.addSuppressed(e);
    }
  }

  /**
   * Runs {@code read}, a single query, on a connection in auto-commit: the statement is its own
   * transaction, so PostgreSQL is spared the {@code BEGIN} and {@code COMMIT} round trips that
   * {@link #inTransaction} costs. Only for work of one statement that writes nothing: a second
   * statement would run on another connection, and see another moment.
   */
  public <T> T readOne(Function<DSLContext, T> read) {
    if (unreachable().isPresent()) {
      throw StorageUnavailableException.databaseUnreachable();
    }
    try {
      return read.apply(dsl);
    } catch (RuntimeException e) {
      throw StorageFailures.translate(e, root);
    }
  }

  public void inTransactionDo(Consumer<DSLContext> work) {
    inTransaction(
        ctx -> {
          work.accept(ctx);
          return null;
        });
  }

  /**
   * Runs {@code action} after the current {@link #inTransaction} commits; at once when there is
   * none (a statement on {@link #dsl()} commits by itself).
   */
  static void afterCommit(Runnable action) {
    List<Runnable> pending = AFTER_COMMIT.get();
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  /**
   * Closes every connection; H2 then writes and closes the file (the last connection closes the
   * database).
   */
  @Override
  public void close() {
    probe.ifPresent(DatabaseProbe::close);
    for (AutoCloseable user : closeFirst) {
      try {
        user.close();
      } catch (Exception e) {
        LOG.warn("closing {} before the database failed: {}", user, e.toString());
      }
    }
    closePool.run();
  }
}
