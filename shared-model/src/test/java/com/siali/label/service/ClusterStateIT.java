package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.siali.label.model.AttemptCount;
import com.siali.label.persistence.ClusterSecretRepository;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.ThrottleCounterRepository;
import com.siali.label.security.Signer;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What server nodes on one database share (ADR 0018): the signing secrets, made once however many
 * nodes start together, and the throttles' counters, which concurrent nodes never lose a count of.
 * On PostgreSQL each "node" opens the database itself, as another process does; on H2 (one process)
 * they share the one {@link Database}.
 */
class ClusterStateIT {
  private static final int NODES = 6;

  @TempDir Path tmp;
  final List<Database> databases = new ArrayList<>();

  @BeforeEach
  void open() {
    Path first = tmp.resolve("node0");
    databases.add(TestDatabases.open(DataDirectory.open(first)));
    for (int i = 1; i < NODES; i++) {
      databases.add(
          TestDatabases.postgres()
              ? Database.open(
                  DataDirectory.open(tmp.resolve("node" + i)), TestDatabases.target(first))
              : databases.getFirst());
    }
  }

  @AfterEach
  void close() {
    new HashSet<>(databases).forEach(Database::close);
  }

  @Test
  void nodesStartingTogetherAgreeOnOneSecret() throws Exception {
    List<String> signatures = onEveryNodeAtOnce(db -> secrets(db).signer("test").sign("message"));
    assertThat(new HashSet<>(signatures)).as("one secret, whoever made it").hasSize(1);
    Signer later = secrets(databases.getLast()).signer("test");
    assertThat(later.verifies("message", signatures.getFirst())).isTrue();
    assertThat(secrets(databases.getLast()).signer("another purpose").sign("message"))
        .as("each purpose its own secret")
        .isNotEqualTo(signatures.getFirst());
  }

  @Test
  void aSignerNeverShowsItsSecret() {
    Signer signer = secrets(databases.getFirst()).signer("test");
    assertThat(signer.toString()).doesNotContain(secretOf("test"));
    assertThat(signer.sign("message")).doesNotContain(secretOf("test"));
  }

  @Test
  void countsFromConcurrentNodesAllCount() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    onEveryNodeAtOnce(
        db -> {
          for (int i = 0; i < 5; i++) {
            counters(db)
                .change(
                    "key",
                    now,
                    old -> new AttemptCount(old.map(AttemptCount::amount).orElse(0.0) + 1, now));
          }
          return null;
        });
    assertThat(counters(databases.getFirst()).find("key"))
        .contains(new AttemptCount(NODES * 5, now));
  }

  @Test
  void countersAreForgottenAndPruned() {
    AttemptCounters counters = counters(databases.getFirst());
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    counters.change("old", now, old -> new AttemptCount(1, now));
    counters.change("young", now, old -> new AttemptCount(1, now.plus(Duration.ofMinutes(30))));
    counters.change("gone", now, old -> new AttemptCount(1, now));
    counters.forget("gone");
    assertThat(counters.find("gone")).isEmpty();

    int pruned = counters.prune(now.plus(AttemptCounters.KEPT).plusSeconds(1));
    assertThat(pruned).isEqualTo(1);
    assertThat(counters.find("old")).isEmpty();
    assertThat(counters.find("young")).isPresent();
  }

  /** A log-in reads its two counters in one look-up: each key gets its own count, or none. */
  @Test
  void severalCountersAreReadAtOnceEachByItsKey() {
    AttemptCounters counters = counters(databases.getFirst());
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    counters.change("login.address|10.0.0.7", now, old -> new AttemptCount(3, now));
    counters.change("login.account|10.0.0.7|ada@example.com", now, old -> new AttemptCount(2, now));

    assertThat(
            counters.findAll(
                List.of(
                    "login.account|10.0.0.7|ada@example.com",
                    "login.address|10.0.0.7",
                    "login.address|10.0.0.8")))
        .containsOnly(
            entry("login.account|10.0.0.7|ada@example.com", new AttemptCount(2, now)),
            entry("login.address|10.0.0.7", new AttemptCount(3, now)));
  }

  private String secretOf(String name) {
    return databases
        .getFirst()
        .inTransaction(ctx -> new ClusterSecretRepository().find(ctx, name))
        .orElseThrow();
  }

  private static ClusterSecrets secrets(Database db) {
    return new ClusterSecrets(db, new ClusterSecretRepository(), Clock.systemUTC());
  }

  private static AttemptCounters counters(Database db) {
    return new AttemptCounters(db, new ThrottleCounterRepository());
  }

  private interface NodeWork<T> {
    T run(Database db) throws Exception;
  }

  private <T> List<T> onEveryNodeAtOnce(NodeWork<T> work) throws Exception {
    var start = new CyclicBarrier(NODES);
    var pool = Executors.newFixedThreadPool(NODES);
    try {
      List<Future<T>> results = new ArrayList<>();
      for (Database db : databases) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.run(db);
                }));
      }
      List<T> values = new ArrayList<>();
      for (Future<T> result : results) {
        values.add(result.get());
      }
      return values;
    } finally {
      pool.shutdownNow();
    }
  }
}
