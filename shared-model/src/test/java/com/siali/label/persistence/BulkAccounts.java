package com.siali.label.persistence;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import java.time.Instant;
import java.util.Random;

/**
 * Seeds many accounts quickly for benchmarks: through the real repository, with random names from a
 * small set and one precomputed hash (so seeding takes seconds, not hours of Argon2). Shared with
 * other modules' benchmarks through this module's test jar.
 */
public final class BulkAccounts {
  private static final String[] FIRST = {
    "Ada",
    "Grace",
    "Alan",
    "Marie",
    "José",
    "Linus",
    "Margaret",
    "Katherine",
    "Dennis",
    "Barbara",
    "Edsger",
    "Frances",
    "Tim",
    "Radia",
    "Ken",
    "Hedy",
    "Claude",
    "Sophie",
    "Yukihiro",
    "Anita"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Hopper",
    "Turing",
    "Curie",
    "García",
    "Torvalds",
    "Hamilton",
    "Johnson",
    "Ritchie",
    "Liskov",
    "Dijkstra",
    "Allen",
    "Berners-Lee",
    "Perlman",
    "Thompson",
    "Lamarr",
    "Shannon",
    "Wilson",
    "Matsumoto",
    "Borg"
  };

  private BulkAccounts() {}

  /**
   * Writes {@code accounts} accounts. It reports to no cache of the services over {@code db}: seed
   * before anything searches.
   */
  public static void seed(Database db, int accounts) {
    long start = System.nanoTime();
    var users = new UserRepository(new ChangeFeed());
    var random = new Random(42);
    String hash =
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$0000000000000000000000000000000000000000000";
    int batch = 1_000;
    for (int from = 0; from < accounts; from += batch) {
      int first = from;
      db.inTransactionDo(
          ctx -> {
            for (int i = first; i < Math.min(first + batch, accounts); i++) {
              var email =
                  EmailAddress.parse("user" + i + "@" + (i % 3 == 0 ? "example.com" : "labs.org"));
              long id = users.insert(ctx, email, hash, false, Instant.now());
              var user = users.findById(ctx, id).orElseThrow();
              users.updateProfile(
                  ctx,
                  user,
                  new ProfileUpdate(
                      FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)], ""));
            }
          });
    }
    System.out.printf(
        "seeded %d accounts in %.1f s%n", accounts, (System.nanoTime() - start) / 1e9);
  }
}
