package com.siali.label.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to a PostgreSQL database (ADR 0013): one probe with pgjdbc first, so that an
 * unreachable server, a refused login or a missing database becomes one line naming {@code
 * host:port/database} within {@value #CONNECT_SECONDS} + {@value #LOGIN_SECONDS} seconds; then a
 * HikariCP pool.
 */
final class PostgresPool {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresPool.class);
  static final int CONNECT_SECONDS = 4;
  static final int LOGIN_SECONDS = 5;
  static final long POOL_WAIT_MILLIS = 5_000;
  private static final SecureRandom TAG = new SecureRandom();

  private PostgresPool() {}

  /**
   * A name for one pool's connections ({@code application_name}): {@code siali-label} and a random
   * tag. It tells the processes apart in {@code pg_stat_activity}, and the change log's trigger
   * sends it with each notification (migration V9_2), so that a follower is not woken by the
   * commits of its own process, whose changes it delivered when they committed.
   */
  static String uniqueApplicationName() {
    return "siali-label " + HexFormat.of().toHexDigits(TAG.nextLong());
  }

  static HikariDataSource open(
      DatabaseTarget.PostgreSql target, int maxConnections, String applicationName) {
    Properties properties = properties(target);
    properties.setProperty("ApplicationName", applicationName);
    try (Connection probe = new org.postgresql.Driver().connect(target.jdbcUrl(), properties)) {
      LOG.debug(
          "connected to {} (PostgreSQL {})",
          target,
          probe.getMetaData().getDatabaseProductVersion());
    } catch (SQLException e) {
      LOG.debug("cannot connect to {}: {}", target, scrub(String.valueOf(e.getMessage()), target));
      throw new DatabaseUnavailableException(
          "Cannot connect to PostgreSQL at " + target.where() + ": " + reason(e, target));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("siali-label");
    config.setJdbcUrl(target.jdbcUrl());
    config.setDataSourceProperties(properties);
    target.password().ifPresent(config::setPassword);
    config.setUsername(target.user());
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    // A request waits for a connection in slices of this, reading the probe between two
    // (OutageAwareConnections), up to POOL_WAIT_MILLIS in all.
    config.setConnectionTimeout(OutageAwareConnections.SLICE_MILLIS);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      // The server went away between the probe and the pool.
      Throwable cause = e.getCause() instanceof SQLException sql ? sql : e;
      throw new DatabaseUnavailableException(
          "Cannot connect to PostgreSQL at "
              + target.where()
              + ": "
              + (cause instanceof SQLException sql
                  ? reason(sql, target)
                  : scrub(String.valueOf(cause.getMessage()), target)));
    }
  }

  /**
   * Watches the server with a connection of its own, outside the pool (see {@link DatabaseProbe}).
   */
  static DatabaseProbe probe(DatabaseTarget.PostgreSql target) {
    Properties properties = properties(target);
    properties.setProperty("ApplicationName", "siali-label probe");
    return new DatabaseProbe(
            () -> new org.postgresql.Driver().connect(target.jdbcUrl(), properties),
            e -> reason(e, target))
        .start();
  }

  private static Properties properties(DatabaseTarget.PostgreSql target) {
    Properties properties = new Properties();
    properties.setProperty("user", target.user());
    target.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS + LOGIN_SECONDS));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "siali-label");
    target.sslMode().ifPresent(mode -> properties.setProperty("sslmode", mode));
    return properties;
  }

  /** Why a connection failed, in words, without the password. */
  static String reason(SQLException e, DatabaseTarget.PostgreSql target) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        return "unknown host " + target.host();
      }
      if (cause instanceof ConnectException) {
        return "connection refused (is PostgreSQL running and listening on that address?)";
      }
      if (cause instanceof NoRouteToHostException) {
        return "no route to the host";
      }
      if (cause instanceof SocketTimeoutException) {
        return "no answer within " + CONNECT_SECONDS + " s";
      }
    }
    return switch (state) {
      case "28P01" ->
          "password authentication failed for user "
              + target.user()
              + (target.password().isEmpty()
                  ? " (no password was given: set POSTGRE_PASSWORD)"
                  : "");
      case "28000" -> "login refused: " + scrub(serverMessage(e), target);
      case "3D000" -> "database " + target.database() + " does not exist (create it with createdb)";
      case "08004" ->
          target.password().isEmpty()
              ? "the server asks for a password: set POSTGRE_PASSWORD"
              : "the server refused the connection: " + scrub(serverMessage(e), target);
      default -> scrub(serverMessage(e), target);
    };
  }

  private static String serverMessage(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Removes the password from a message, should a driver ever echo it. */
  static String scrub(String message, DatabaseTarget.PostgreSql target) {
    return target
        .password()
        .filter(password -> !password.isEmpty())
        .map(password -> message.replace(password, "***"))
        .orElse(message);
  }
}
