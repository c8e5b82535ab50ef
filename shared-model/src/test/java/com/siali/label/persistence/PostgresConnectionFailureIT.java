package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unusable PostgreSQL is one line naming host:port/db and the reason, within 10 s. */
class PostgresConnectionFailureIT {
  @TempDir Path dir;

  @Test
  void aRefusedConnectionIsOneLineNamingTheServer() {
    var target =
        new DatabaseTarget.PostgreSql(
            "127.0.0.1", 1, "labels", "ann", Optional.of("hunter2"), Optional.empty());
    Instant start = Instant.now();
    assertThatThrownBy(() -> Database.open(DataDirectory.open(dir), target))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith(
            "Cannot connect to PostgreSQL at 127.0.0.1:1/labels: connection refused")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("\n")
        .hasNoCause();
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aMissingDatabaseIsNamed() {
    assumeTrue(TestDatabases.postgres(), "needs the test PostgreSQL");
    var server = (DatabaseTarget.PostgreSql) TestDatabases.target(dir.resolve("any"));
    var missing = server.withDatabase("siali_no_such_database");
    assertThatThrownBy(() -> Database.open(DataDirectory.open(dir), missing))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessage(
            "Cannot connect to PostgreSQL at "
                + missing.where()
                + ": database siali_no_such_database does not exist (create it with createdb)");
  }
}
