package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  private static DatabaseTarget parse(Map<String, String> environment) {
    return DatabaseSettings.parse(environment, Optional.empty());
  }

  private static DatabaseTarget.PostgreSql postgres(DatabaseTarget target) {
    assertThat(target).isInstanceOf(DatabaseTarget.PostgreSql.class);
    return (DatabaseTarget.PostgreSql) target;
  }

  @Test
  void nothingOrSqliteMeansTheEmbeddedDatabase() {
    assertThat(parse(Map.of())).isEqualTo(DatabaseTarget.EMBEDDED);
    assertThat(parse(Map.of("DJANGO_DB", "sqlite"))).isEqualTo(DatabaseTarget.EMBEDDED);
    assertThat(parse(Map.of("DJANGO_DB", ""))).isEqualTo(DatabaseTarget.EMBEDDED);
    assertThat(parse(Map.of("POSTGRE_HOST", "db.lan"))).isEqualTo(DatabaseTarget.EMBEDDED);
  }

  @Test
  void djangoDbDefaultReadsThePostgreVariablesWithTheirDefaults() {
    var target = postgres(parse(Map.of("DJANGO_DB", "default")));
    assertThat(target.where()).isEqualTo("localhost:5432/postgres");
    assertThat(target.user()).isEqualTo("postgres");
    assertThat(target.password()).isEmpty();

    target =
        postgres(
            parse(
                Map.of(
                    "DJANGO_DB", "postgresql",
                    "POSTGRE_NAME", "labels",
                    "POSTGRE_USER", "ann",
                    "POSTGRE_PASSWORD", " s3cret ",
                    "POSTGRE_HOST", "db.lan",
                    "POSTGRE_PORT", "6543")));
    assertThat(target.where()).isEqualTo("db.lan:6543/labels");
    assertThat(target.user()).isEqualTo("ann");
    assertThat(target.password()).contains(" s3cret ");
    assertThat(target.toString()).doesNotContain("s3cret");
  }

  @Test
  void theLabelStudioPrefixWins() {
    var target =
        postgres(
            parse(
                Map.of(
                    "LABEL_STUDIO_DJANGO_DB", "default",
                    "POSTGRE_NAME", "plain",
                    "LABEL_STUDIO_POSTGRE_NAME", "prefixed",
                    "POSTGRE_PASSWORD", "plain",
                    "LABEL_STUDIO_POSTGRE_PASSWORD", "prefixed")));
    assertThat(target.database()).isEqualTo("prefixed");
    assertThat(target.password()).contains("prefixed");
    assertThat(postgres(parse(Map.of("DJANGO_DB", "default", "PGPASSWORD", "pg"))).password())
        .contains("pg");
  }

  @Test
  void anotherDjangoDbIsAnErrorNamingTheVariableAndTheAcceptedValues() {
    assertThatThrownBy(() -> parse(Map.of("DJANGO_DB", "mysql")))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageStartingWith("DJANGO_DB=mysql is not supported")
        .hasMessageContaining("'default'")
        .hasMessageContaining("'postgresql'")
        .hasMessageContaining("'sqlite'");
    assertThatThrownBy(() -> parse(Map.of("DJANGO_DB", "default", "POSTGRE_PORT", "x")))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessage("POSTGRE_PORT=x is not a port number (1-65535)");
  }

  @Test
  void theUrlOptionWinsAndTakesItsPasswordFromTheEnvironment() {
    var target =
        postgres(
            DatabaseSettings.parse(
                Map.of(
                    "LABEL_STUDIO_DATABASE_URL",
                    "postgresql://x@elsewhere/other",
                    "POSTGRE_PASSWORD",
                    "pw"),
                Optional.of("postgresql://ann@[::1]:6000/labels?sslmode=require")));
    assertThat(target.host()).isEqualTo("::1");
    assertThat(target.where()).isEqualTo("[::1]:6000/labels");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6000/labels");
    assertThat(target.user()).isEqualTo("ann");
    assertThat(target.password()).contains("pw");
    assertThat(target.sslMode()).contains("require");

    assertThatThrownBy(
            () ->
                DatabaseSettings.parse(
                    Map.of(), Optional.of("postgresql://ann:secret@localhost/labels")))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageStartingWith("--database-url must not contain a password")
        .hasMessageNotContaining("secret@");
  }

  @Test
  void theUrlVariableMayHoldThePassword() {
    var target =
        postgres(parse(Map.of("LABEL_STUDIO_DATABASE_URL", "postgres://ann:p%40ss@db.lan/labels")));
    assertThat(target.where()).isEqualTo("db.lan:5432/labels");
    assertThat(target.password()).contains("p@ss");
  }

  @Test
  void badUrlsNameWhereTheyCameFrom() {
    assertThatThrownBy(() -> parse(Map.of("LABEL_STUDIO_DATABASE_URL", "mysql://h/db")))
        .hasMessageStartingWith("LABEL_STUDIO_DATABASE_URL: only PostgreSQL URLs are supported");
    assertThatThrownBy(() -> parse(Map.of("LABEL_STUDIO_DATABASE_URL", "postgresql://h")))
        .hasMessageStartingWith("LABEL_STUDIO_DATABASE_URL names no database");
    assertThatThrownBy(() -> parse(Map.of("LABEL_STUDIO_DATABASE_URL", "postgresql://h/d?x=1")))
        .hasMessageContaining("sslmode");
  }
}
