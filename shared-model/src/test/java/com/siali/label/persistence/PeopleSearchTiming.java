package com.siali.label.persistence;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * Times People-list queries at 100 000 accounts (run by tools/bench people-search; not a test). Accounts are
 * inserted through the real repository with one precomputed hash, so seeding takes seconds, not Argon2 hours.
 */
public final class PeopleSearchTiming {
  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Marie", "José", "Linus", "Margaret", "Katherine",
      "Dennis", "Barbara", "Edsger", "Frances", "Tim", "Radia", "Ken", "Hedy", "Claude", "Sophie", "Yukihiro", "Anita"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Curie", "García", "Torvalds", "Hamilton",
      "Johnson", "Ritchie", "Liskov", "Dijkstra", "Allen", "Berners-Lee", "Perlman", "Thompson", "Lamarr", "Shannon",
      "Wilson", "Matsumoto", "Borg"};

  private PeopleSearchTiming() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("people-search");
    try (Database db = Database.open(DataDirectory.open(dir))) {
      seed(db, accounts);
      var users = new UserRepository();
      String[][] queries = {{"", "NAME"}, {"ada", "NAME"}, {"lovelace", "NAME"}, {"ada love", "NAME"},
          {"user4217", "NAME"}, {"a", "NAME"}, {"example", "LAST_ACTIVITY"}, {"zzz", "NAME"}};
      for (String[] q : queries) {
        var query = new UserQuery(q[0], UserSort.valueOf(q[1]), false, 0, 50);
        for (int i = 0; i < 20; i++) {
          db.inTransaction(ctx -> users.page(ctx, query));
        }
        long[] nanos = new long[100];
        long total = 0;
        for (int i = 0; i < nanos.length; i++) {
          long start = System.nanoTime();
          total = db.inTransaction(ctx -> users.page(ctx, query)).total();
          nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-14s sort=%-13s matches=%6d  median %.2f ms  p95 %.2f ms%n", "'" + q[0] + "'", q[1],
            total, nanos[50] / 1e6, nanos[95] / 1e6);
      }
    }
  }

  private static void seed(Database db, int accounts) {
    long start = System.nanoTime();
    var users = new UserRepository();
    var random = new Random(42);
    String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$0000000000000000000000000000000000000000000";
    int batch = 1_000;
    for (int from = 0; from < accounts; from += batch) {
      int first = from;
      db.inTransactionDo(ctx -> {
        for (int i = first; i < Math.min(first + batch, accounts); i++) {
          var email = EmailAddress.parse("user" + i + "@" + (i % 3 == 0 ? "example.com" : "labs.org"));
          long id = users.insert(ctx, email, hash, i == 0, Instant.now());
          var user = users.findById(ctx, id).orElseThrow();
          users.updateProfile(ctx, user,
              new ProfileUpdate(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)], ""));
        }
      });
    }
    System.out.printf("seeded %d accounts in %.1f s%n", accounts, (System.nanoTime() - start) / 1e9);
  }
}
