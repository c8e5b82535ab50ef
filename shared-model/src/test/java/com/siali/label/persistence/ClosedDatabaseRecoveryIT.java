package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When H2 closes the database under the pool (as it does after a failed write), the idle pooled
 * connections are dead; the next transaction still succeeds, on a fresh connection that reopens the
 * file (issue #18 item 5, without filling a disk).
 */
class ClosedDatabaseRecoveryIT {
  @TempDir Path tmp;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(DataDirectory.open(tmp.resolve("data")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theFirstTransactionAfterTheDatabaseClosedUnderThePoolSucceeds() throws Exception {
    int connections = 8;
    CyclicBarrier together = new CyclicBarrier(connections);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        reads.add(
            pool.submit(
                () ->
                    db.inTransaction(
                        ctx -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return ctx.fetchValue("select 1");
                        })));
      }
      for (Future<?> read : reads) {
        read.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try {
      db.dsl().execute("shutdown"); // H2 closes the database under the pool's connections
    } catch (org.jooq.exception.DataAccessException alreadyClosed) {
      // H2 reports the statement's own connection closed (90121): expected
    }

    for (int i = 0; i < connections + 2; i++) {
      Object users = db.inTransaction(ctx -> ctx.fetchValue("select count(*) from users"));
      assertThat(users).isNotNull();
    }
  }
}
