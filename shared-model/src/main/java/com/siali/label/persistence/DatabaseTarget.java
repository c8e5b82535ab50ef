package com.siali.label.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * Which database an installation uses (SPEC §9): the embedded H2 file in its data directory (the
 * default, no set-up), or a PostgreSQL server. Parsed from the environment and the command line by
 * {@link DatabaseSettings}.
 */
public sealed interface DatabaseTarget {

  /** The embedded H2 file in the data directory (ADR 0005: one process at a time). */
  DatabaseTarget EMBEDDED = new Embedded();

  /** Whether several processes may open this database at once (PostgreSQL: yes; H2 file: no). */
  boolean sharedByProcesses();

  /** The H2 file of the data directory. */
  record Embedded() implements DatabaseTarget {
    @Override
    public boolean sharedByProcesses() {
      return false;
    }

    @Override
    public String toString() {
      return "the embedded database";
    }
  }

  /**
   * A PostgreSQL database. The password is never part of {@link #toString()} or {@link #where()},
   * which is what logs and error messages show.
   *
   * @param sslMode pgjdbc's {@code sslmode} when the URL names one
   */
  record PostgreSql(
      String host,
      int port,
      String database,
      String user,
      Optional<String> password,
      Optional<String> sslMode)
      implements DatabaseTarget {
    public PostgreSql {
      Objects.requireNonNull(host);
      Objects.requireNonNull(database);
      Objects.requireNonNull(user);
      Objects.requireNonNull(password);
      Objects.requireNonNull(sslMode);
    }

    /** {@code host:port/database}, as error messages name it. */
    public String where() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /** The pgjdbc URL, without user or password (those go as connection properties). */
    public String jdbcUrl() {
      return "jdbc:postgresql://"
          + (host.contains(":") ? "[" + host + "]" : host)
          + ":"
          + port
          + "/"
          + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20");
    }

    /** The same server and login, another database (tests create one per test). */
    public PostgreSql withDatabase(String otherDatabase) {
      return new PostgreSql(host, port, otherDatabase, user, password, sslMode);
    }

    @Override
    public boolean sharedByProcesses() {
      return true;
    }

    @Override
    public String toString() {
      return "PostgreSQL " + user + "@" + where();
    }
  }
}
