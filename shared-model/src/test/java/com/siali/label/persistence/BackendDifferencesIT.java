package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.User;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What H2's PostgreSQL mode could hide, checked on the backend of the run (both in {@code mvn
 * verify}; ADR 0013): upserts under contention, identity columns after explicit ids, time stamps to
 * the microsecond, the database's lower() against Java's, and the People search's index use.
 */
class BackendDifferencesIT {
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void concurrentUpsertsOfOneNewRowAllSucceed() throws Exception {
    SettingsRepository settings = new SettingsRepository(new ChangeFeed());
    InvitationRepository invitations = new InvitationRepository(new ChangeFeed());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String name = "setting-" + round;
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String value = "v" + i;
          writes.add(
              pool.submit(
                  () -> {
                    db.inTransactionDo(ctx -> settings.put(ctx, name, value));
                    db.inTransactionDo(
                        ctx -> invitations.replace(ctx, "token-" + value, Instant.now()));
                  }));
        }
        for (Future<?> write : writes) {
          write.get(); // a failed upsert (a unique violation under a race) fails the test here
        }
        java.util.Optional<String> stored = db.inTransaction(ctx -> settings.get(ctx, name));
        assertThat(stored).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
    java.util.Optional<String> token = db.inTransaction(ctx -> invitations.token(ctx));
    assertThat(token).isPresent();
  }

  @Test
  void timeStampsKeepMicrosecondsInUtc() {
    UserRepository users = new UserRepository(new ChangeFeed());
    Instant joined = Instant.parse("2026-03-29T01:30:00.123456Z"); // a DST change in Europe
    long id =
        db.inTransaction(
            ctx -> users.insert(ctx, EmailAddress.parse("t@example.com"), HASH, false, joined));
    User user = db.inTransaction(ctx -> users.findById(ctx, id)).orElseThrow();
    assertThat(user.dateJoined()).isEqualTo(joined);
    assertThat(user.lastActivity()).isEqualTo(joined);
  }

  @Test
  void identityAfterExplicitIdsNeedsTheSequenceSet() {
    // Accounts are only ever inserted without an id; a copy with its ids (copy-database, #14)
    // must set the identity's next value afterwards, or the next sign-up collides on PostgreSQL.
    UserRepository users = new UserRepository(new ChangeFeed());
    db.inTransactionDo(
        ctx ->
            ctx.insertInto(USERS)
                .set(USERS.ID, 41L)
                .set(USERS.EMAIL, "copied@example.com")
                .set(USERS.USERNAME, "copied@example.com")
                .set(USERS.PASSWORD_HASH, HASH)
                .set(USERS.SORT_NAME, "copied@example.com")
                .set(USERS.DATE_JOINED, UserRepository.at(Instant.EPOCH))
                .set(USERS.LAST_ACTIVITY, UserRepository.at(Instant.EPOCH))
                .execute());
    db.inTransactionDo(ctx -> IdentitySequences.restart(ctx, "users", "id"));
    long next =
        db.inTransaction(
            ctx ->
                users.insert(
                    ctx, EmailAddress.parse("new@example.com"), HASH, false, Instant.EPOCH));
    assertThat(next).isGreaterThan(41L);
  }

  @Test
  void theDatabasesLowerKeepsWhatJavaLowerCased() throws Exception {
    // Emails are stored lower-cased by Java (Locale.ROOT) and the users_email_lower check
    // compares them with the database's lower(): every BMP letter Java lower-cases must be left
    // alone by the database, or such an address could not be stored.
    List<String> lowered = new ArrayList<>();
    for (char c = 1; c < Character.MAX_VALUE; c++) {
      if (Character.isLetter(c) && !Character.isSurrogate(c)) {
        lowered.add(String.valueOf(c).toLowerCase(Locale.ROOT));
      }
    }
    String expression = TestDatabases.postgres() ? "LOWER(x COLLATE \"default\")" : "LOWER(x)";
    List<String> changed =
        db.dsl()
            .connectionResult(
                connection -> {
                  List<String> found = new ArrayList<>();
                  try (PreparedStatement query =
                      connection.prepareStatement(
                          "SELECT x FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(x) WHERE "
                              + expression
                              + " <> x")) {
                    query.setArray(1, connection.createArrayOf("VARCHAR", lowered.toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                      while (rows.next()) {
                        found.add(rows.getString(1));
                      }
                    }
                  }
                  return found;
                });
    assertThat(changed).isEmpty();
  }

  @Test
  void peopleSearchUsesItsIndexesOnPostgreSql() throws Exception {
    assumeTrue(TestDatabases.postgres(), "EXPLAIN's output is PostgreSQL's");
    BulkAccounts.seed(db, 2_000);
    // As autovacuum would have: statistics, and the visibility map that index-only scans need.
    db.dsl().execute("VACUUM ANALYZE");
    String prefix =
        explain(
            "SELECT user_id FROM user_search_terms WHERE term >= ? AND term < ?",
            "ad",
            "ad" + Character.MAX_VALUE);
    assertThat(prefix)
        .containsPattern(
            "(Index Only Scan using|Index Scan using|Bitmap Index Scan on)"
                + " user_search_terms_pkey")
        .doesNotContain("Seq Scan");
    String walk = explain("SELECT id FROM users ORDER BY sort_name, id LIMIT ? OFFSET ?", 4096, 0);
    assertThat(walk)
        .containsPattern("Index (Only )?Scan using users_sort_name_idx")
        .doesNotContain("Seq Scan");
  }

  private String explain(String sql, Object... parameters) {
    return db.dsl()
        .connectionResult(
            connection -> {
              StringBuilder plan = new StringBuilder();
              try (PreparedStatement query = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                  query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                  }
                }
              }
              System.out.println("EXPLAIN " + sql + "\n" + plan);
              return plan.toString();
            });
  }
}
