package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 item 4: on a fresh database the first concurrent Reset Link calls (and first reads of
 * the link) all succeed, and exactly one of the tokens they returned is current at the end.
 */
class InvitationRaceIT {
  static final int THREADS = 16;

  @TempDir Path tmp;
  Database db;
  Services services;
  User owner;

  @BeforeEach
  void open() {
    DataDirectory dir = DataDirectory.open(tmp.resolve("data"));
    db = Database.open(dir);
    services =
        Services.over(
            db,
            dir.avatars(),
            PasswordHasher.withDefaults(),
            PasswordPolicy.standard(),
            Clock.systemUTC());
    owner = services.accounts().create(NewAccount.of("owner@example.com", "correct horse battery"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @RepeatedTest(3)
  void concurrentResetsOnAFreshDatabaseAllSucceedAndLeaveOneCurrentToken() throws Exception {
    List<String> tokens = race(() -> services.invitations().resetLink(owner.id()));

    assertThat(tokens).hasSize(THREADS).doesNotHaveDuplicates();
    assertThat(tokens.stream().filter(services.invitations()::accepts)).hasSize(1);
    assertThat(tokens).contains(services.invitations().currentToken());
  }

  @RepeatedTest(3)
  void concurrentFirstReadsOfTheLinkAgreeOnOneToken() throws Exception {
    List<String> tokens = race(() -> services.invitations().currentToken());

    assertThat(tokens).hasSize(THREADS);
    String current = services.invitations().currentToken();
    assertThat(tokens.stream().filter(services.invitations()::accepts)).isNotEmpty();
    assertThat(services.invitations().accepts(current)).isTrue();
  }

  @RepeatedTest(3)
  void readsAndResetsMixedOnAFreshDatabaseAllSucceed() throws Exception {
    int[] turn = {0};
    List<String> tokens =
        race(
            () -> {
              boolean reset;
              synchronized (turn) {
                reset = turn[0]++ % 2 == 0;
              }
              return reset
                  ? services.invitations().resetLink(owner.id())
                  : services.invitations().currentToken();
            });
    assertThat(tokens).hasSize(THREADS);
    assertThat(services.invitations().accepts(services.invitations().currentToken())).isTrue();
  }

  /** Runs {@code call} on {@link #THREADS} threads released together; every call must succeed. */
  private static List<String> race(Callable<String> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> f : futures) {
        results.add(f.get()); // an ExecutionException fails the test with the cause
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
