package com.siali.label.app.cli;

import com.siali.label.persistence.DatabaseSettings;
import com.siali.label.persistence.DatabaseTarget;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --database-url}, shared by every command (a picocli mixin), combined with the database
 * variables ({@code DJANGO_DB}, {@code POSTGRE_*}, {@code LABEL_STUDIO_DATABASE_URL}; ADR 0013).
 */
public final class DatabaseOption {
  @Option(
      names = DatabaseSettings.URL_OPTION,
      paramLabel = "URL",
      description =
          "PostgreSQL to use instead of the embedded database: postgresql://user@host:port/db"
              + " (the password only from $POSTGRE_PASSWORD or $PGPASSWORD). Default:"
              + " $LABEL_STUDIO_DATABASE_URL, else DJANGO_DB=default with the POSTGRE_* variables,"
              + " else the embedded database in the data directory.")
  String url;

  public DatabaseTarget resolve(Map<String, String> environment) {
    return DatabaseSettings.parse(environment, Optional.ofNullable(url));
  }
}
