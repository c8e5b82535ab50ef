package com.siali.label.search;

import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.TempTree;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times People-list queries at 100 000 accounts (run by tools/bench people-search; not a test).
 * Accounts are inserted through the real repository with one precomputed hash, so seeding takes
 * seconds, not Argon2 hours.
 */
public final class PeopleSearchTiming {
  private PeopleSearchTiming() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("people-search");
    // The backend TestDatabases picks (-Dsiali.test.database; tools/bench people-search runs both).
    System.out.println(
        "backend: "
            + (TestDatabases.postgres() ? "PostgreSQL" : "H2 file")
            + ", "
            + accounts
            + " accounts");
    try (Database db = TestDatabases.open(DataDirectory.open(dir))) {
      BulkAccounts.seed(db, accounts);
      var index = PeopleSearchIndex.following(db, new ChangeFeed());
      String[][] queries = {
        {"", "NAME"},
        {"ada", "NAME"},
        {"lovelace", "NAME"},
        {"ada love", "NAME"},
        {"user4217", "NAME"},
        {"a", "NAME"},
        {"example", "LAST_ACTIVITY"},
        {"zzz", "NAME"},
        {"ada l", "NAME"},
        {"l", "NAME"},
        {"gr", "NAME"},
        {"gra", "NAME"},
        {"grace h", "NAME"},
        {"user4", "NAME"}
      };
      // The database path: an index closed at once never builds, so searches through it read
      // user_search_terms.
      var databaseOnly = new PeopleSearchIndex(db.dsl());
      databaseOnly.close();
      System.out.println(
          "-- words matched in the database (each page's rows held after its first read)");
      time(db, databaseOnly, queries);
      long heapBefore = heapAfterCollection();
      long start = System.nanoTime();
      index.build();
      long buildMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "-- words matched in the in-memory copy (built in %d ms; %d MB of heap)%n",
          buildMillis, (heapAfterCollection() - heapBefore) >> 20);
      time(db, index, queries);
    } finally {
      TempTree.delete(dir);
    }
  }

  private static long heapAfterCollection() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void time(Database db, PeopleSearchIndex searchIndex, String[][] queries) {
    for (String[] q : queries) {
      var query = new UserQuery(q[0], UserSort.valueOf(q[1]), false, 0, 50);
      for (int i = 0; i < 20; i++) {
        db.inTransaction(ctx -> UserPageQuery.run(ctx, searchIndex, query));
      }
      long[] nanos = new long[100];
      long total = 0;
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        total = db.inTransaction(ctx -> UserPageQuery.run(ctx, searchIndex, query)).total();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%-14s sort=%-13s matches=%6d  median %.2f ms  p95 %.2f ms%n",
          "'" + q[0] + "'", q[1], total, nanos[50] / 1e6, nanos[95] / 1e6);
    }
  }
}
