package com.siali.label.bench;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.persistence.TempTree;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Change-feed latency on PostgreSQL (`tools/bench feed [TRIALS]`): two sets of services, each with
 * its own pool and follower as two processes would have, over one database. Each trial rotates an
 * account's API token through A and times how long B keeps accepting the old one (B's token cache
 * holds it). Needs the test PostgreSQL (`tools/test-postgres.sh start`) or SIALI_TEST_POSTGRES_URL.
 */
public final class FeedLatency {
  private FeedLatency() {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    System.setProperty(TestDatabases.PROPERTY, "postgresql");
    Path dir = Files.createTempDirectory("feed-latency");
    DataDirectory data = DataDirectory.open(dir);
    DatabaseTarget target = TestDatabases.target(dir);
    try (Database first = Database.open(data, target);
        Database second = Database.open(data, target)) {
      PasswordHasher hasher = PasswordHasher.withDefaults();
      PasswordPolicy policy = PasswordPolicy.standard();
      Services a = Services.over(first, data.avatars(), hasher, policy, Clock.systemUTC());
      Services b = Services.over(second, data.avatars(), hasher, policy, Clock.systemUTC());
      User ada = a.accounts().create(NewAccount.of("ada@example.com", "correct horse battery"));
      long[] micros = new long[trials];
      for (int i = -20; i < trials; i++) { // 20 unrecorded rounds warm the code up
        String old = a.apiTokens().tokenOf(ada.id());
        if (b.apiTokens().authenticate(old).isEmpty()) {
          throw new IllegalStateException("B does not accept the current token");
        }
        a.apiTokens().rotate(ada.id());
        long start = System.nanoTime();
        while (b.apiTokens().authenticate(old).isPresent()) {
          if (System.nanoTime() - start > 5_000_000_000L) {
            throw new IllegalStateException("B still accepts the old token after 5 s");
          }
          Thread.onSpinWait();
        }
        if (i >= 0) {
          micros[i] = (System.nanoTime() - start) / 1_000;
        }
      }
      Arrays.sort(micros);
      System.out.printf(
          "feed latency over %d trials (token rotated in A -> refused by B): p50 %.1f ms, p99 %.1f"
              + " ms, max %.1f ms%n",
          trials,
          micros[trials / 2] / 1000.0,
          micros[(int) Math.ceil(trials * 0.99) - 1] / 1000.0,
          micros[trials - 1] / 1000.0);
    } finally {
      TempTree.delete(dir);
    }
  }
}
