package com.siali.label.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads which database to use from the environment and {@code --database-url} (SPEC §9, ADR 0013),
 * the way Label Studio users know it:
 *
 * <ul>
 *   <li>{@code --database-url postgresql://user@host:port/db}, else {@code
 *       LABEL_STUDIO_DATABASE_URL}: PostgreSQL at that URL. The option may not hold a password (it
 *       would show in the process list); the variable may ({@code postgresql://user:pw@host/db}).
 *   <li>else {@code DJANGO_DB=default} or {@code postgresql}: PostgreSQL from {@code POSTGRE_NAME}
 *       (default {@code postgres}), {@code POSTGRE_USER} ({@code postgres}), {@code
 *       POSTGRE_PASSWORD} (none), {@code POSTGRE_HOST} ({@code localhost}), {@code POSTGRE_PORT}
 *       ({@code 5432});
 *   <li>{@code DJANGO_DB} unset, empty or {@code sqlite}: the embedded H2 file.
 * </ul>
 *
 * <p>Every variable is also read with the {@code LABEL_STUDIO_} prefix, which wins (as in Label
 * Studio). The password, when the URL has none: {@code LABEL_STUDIO_POSTGRE_PASSWORD}, else {@code
 * POSTGRE_PASSWORD}, else {@code PGPASSWORD}. Anything else is a {@link DatabaseSettingsException}
 * naming the variable and what it accepts.
 */
public final class DatabaseSettings {
  public static final String PREFIX = "LABEL_STUDIO_";
  public static final String DJANGO_DB = "DJANGO_DB";
  public static final String DATABASE_URL = "LABEL_STUDIO_DATABASE_URL";
  public static final String URL_OPTION = "--database-url";
  static final String DEFAULT_HOST = "localhost";
  static final int DEFAULT_PORT = 5432;
  static final String DEFAULT_NAME = "postgres";
  static final String DEFAULT_USER = "postgres";
  private static final List<String> POSTGRES_KINDS = List.of("default", "postgresql", "postgres");
  private static final List<String> EMBEDDED_KINDS = List.of("sqlite", "sqlite3");

  private DatabaseSettings() {}

  /** The database that {@code environment} and the command line's {@code --database-url} name. */
  public static DatabaseTarget parse(Map<String, String> environment, Optional<String> urlOption) {
    Variable kind = variable(environment, DJANGO_DB);
    boolean postgres = false;
    if (kind != null) {
      String value = kind.value().toLowerCase(Locale.ROOT);
      if (POSTGRES_KINDS.contains(value)) {
        postgres = true;
      } else if (!EMBEDDED_KINDS.contains(value)) {
        throw new DatabaseSettingsException(
            kind.name()
                + "="
                + kind.value()
                + " is not supported: use 'default' or 'postgresql' (PostgreSQL, with the POSTGRE_*"
                + " variables), or 'sqlite' or nothing (the embedded database)");
      }
    }
    if (urlOption.isPresent()) {
      return fromUrl(urlOption.get(), URL_OPTION, false, environment);
    }
    String url = environment.get(DATABASE_URL);
    if (url != null && !url.isBlank()) {
      return fromUrl(url.strip(), DATABASE_URL, true, environment);
    }
    if (!postgres) {
      return DatabaseTarget.EMBEDDED;
    }
    return new DatabaseTarget.PostgreSql(
        valueOr(environment, "POSTGRE_HOST", DEFAULT_HOST),
        port(environment),
        valueOr(environment, "POSTGRE_NAME", DEFAULT_NAME),
        valueOr(environment, "POSTGRE_USER", DEFAULT_USER),
        password(environment),
        Optional.empty());
  }

  /**
   * Parses {@code postgresql://[user[:password]@]host[:port]/database[?sslmode=...]} ({@code
   * postgres://} too). {@code where} names the option or variable in errors.
   */
  public static DatabaseTarget.PostgreSql fromUrl(
      String url, String where, boolean passwordAllowed, Map<String, String> environment) {
    String accepted = " (expected postgresql://user@host:port/database)";
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new DatabaseSettingsException(where + " is not a valid URL" + accepted);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new DatabaseSettingsException(
          where
              + ": only PostgreSQL URLs are supported"
              + (scheme.isEmpty() ? "" : ", not '" + scheme + "'")
              + accepted);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new DatabaseSettingsException(where + " names no host" + accepted);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank() || database.contains("/")) {
      throw new DatabaseSettingsException(where + " names no database" + accepted);
    }
    String user = null;
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        if (!passwordAllowed) {
          throw new DatabaseSettingsException(
              where
                  + " must not contain a password (the process list shows it): set"
                  + " POSTGRE_PASSWORD or PGPASSWORD in the environment instead");
        }
        password = Optional.of(decode(userInfo.substring(colon + 1)));
      }
    }
    if (user == null || user.isBlank()) {
      user = valueOr(environment, "POSTGRE_USER", DEFAULT_USER);
    }
    if (password.isEmpty()) {
      password = password(environment);
    }
    return new DatabaseTarget.PostgreSql(
        host, port, database, user, password, sslMode(uri.getRawQuery(), where));
  }

  private static Optional<String> sslMode(String query, String where) {
    Optional<String> sslMode = Optional.empty();
    if (query == null || query.isEmpty()) {
      return sslMode;
    }
    for (String parameter : query.split("&")) {
      int equals = parameter.indexOf('=');
      String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
      if (!name.equals("sslmode") || equals < 0) {
        throw new DatabaseSettingsException(
            where + ": the only URL parameter understood is sslmode, not '" + name + "'");
      }
      sslMode = Optional.of(decode(parameter.substring(equals + 1)));
    }
    return sslMode;
  }

  private static int port(Map<String, String> environment) {
    Variable port = variable(environment, "POSTGRE_PORT");
    if (port == null) {
      return DEFAULT_PORT;
    }
    try {
      int value = Integer.parseInt(port.value());
      if (value >= 1 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new DatabaseSettingsException(
        port.name() + "=" + port.value() + " is not a port number (1-65535)");
  }

  private static Optional<String> password(Map<String, String> environment) {
    // Taken as it is: a password may start or end with a space.
    for (String name : List.of(PREFIX + "POSTGRE_PASSWORD", "POSTGRE_PASSWORD", "PGPASSWORD")) {
      String value = environment.get(name);
      if (value != null && !value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String valueOr(Map<String, String> environment, String name, String fallback) {
    Variable variable = variable(environment, name);
    return variable == null ? fallback : variable.value();
  }

  /** A variable and the name it was found under: {@code LABEL_STUDIO_NAME} first, then NAME. */
  private record Variable(String name, String value) {}

  private static Variable variable(Map<String, String> environment, String name) {
    for (String candidate : List.of(PREFIX + name, name)) {
      String value = environment.get(candidate);
      if (value != null && !value.isBlank()) {
        return new Variable(candidate, value.strip());
      }
    }
    return null;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
