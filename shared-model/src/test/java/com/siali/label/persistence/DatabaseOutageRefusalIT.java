package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.StorageUnavailableException;
import com.siali.label.testing.TestDatabases;
import com.siali.label.testing.ThrowAwayPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that starts in the moment after PostgreSQL went away, before the probe's next
 * check, is refused as soon as the outage is known rather than after the pool's whole 5 s wait
 * (issue #16: such sign-ups took 5 to 10 s while the node already said DOWN).
 */
class DatabaseOutageRefusalIT {
  @TempDir Path dir;
  ThrowAwayPostgres postgres;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aTransactionStartedRightAfterTheServerStopsIsRefusedWithinASecond() throws Exception {
    assumeTrue(TestDatabases.postgres(), "PostgreSQL only: H2 is inside the process");
    postgres = ThrowAwayPostgres.start();
    db = Database.open(DataDirectory.open(dir), postgres.target());
    db.inTransaction(ctx -> ctx.selectOne().fetch());
    // Idle for longer than the pool trusts a connection unchecked, as between two requests.
    Thread.sleep(1_000);

    postgres.stop();
    // The probe checks once a second, so most often it has not looked yet: the pool is asked.
    long started = System.nanoTime();
    assertThatThrownBy(() -> db.inTransaction(ctx -> ctx.selectOne().fetch()))
        .isInstanceOf(StorageUnavailableException.class);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(db.unreachable()).isPresent();
  }
}
