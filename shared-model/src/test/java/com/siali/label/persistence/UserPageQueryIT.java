package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both paging strategies (direct lookup and sort-index walk) give the same pages as a plain sort would. */
class UserPageQueryIT {
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  // Enough that the walk reads a second, larger chunk of the sort index for the last pages.
  private static final int ACCOUNTS = UserPageQuery.WALK_CHUNK * 3;
  @TempDir static Path dir;
  static Database db;
  static List<User> everyone;
  final UserRepository users = new UserRepository(db.accountChanges());

  @BeforeAll
  static void seed() {
    db = Database.open(DataDirectory.open(dir.resolve("data")));
    var users = new UserRepository(db.accountChanges());
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    db.inTransactionDo(ctx -> {
      for (int i = 0; i < ACCOUNTS; i++) {
        // "Ana" for 9 in 10 accounts makes the walk path run; "Zoë" for the rest stays under the lookup limit.
        String first = i % 10 == 0 ? "Zoë" : "Ana";
        long id = users.insert(ctx, EmailAddress.parse("p" + i + "@example.com"), HASH, i == 0, start.plusSeconds(i % 97));
        users.updateProfile(ctx, users.findById(ctx, id).orElseThrow(), new ProfileUpdate(first, "N" + (i * 7919 % 1000), ""));
      }
    });
    everyone = db.inTransaction(ctx -> allUsers(ctx, users));
  }

  private static List<User> allUsers(org.jooq.DSLContext ctx, UserRepository users) {
    List<User> all = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      var page = users.page(ctx, new UserQuery("", UserSort.EMAIL, false, offset, 500));
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private List<Long> expected(String first, Comparator<User> order, int offset, int limit) {
    return everyone.stream().filter(u -> u.firstName().equals(first)).sorted(order)
        .skip(offset).limit(limit).map(User::id).toList();
  }

  private List<Long> actual(String search, UserSort sort, boolean descending, int offset, int limit) {
    return db.inTransaction(ctx -> users.page(ctx, new UserQuery(search, sort, descending, offset, limit)))
        .items().stream().map(User::id).toList();
  }

  @Test
  void broadSearchPagesAreSortedAndComplete() {
    Comparator<User> byActivity = Comparator.comparing(User::lastActivity).thenComparingLong(User::id);
    long total = db.inTransaction(ctx -> users.page(ctx, new UserQuery("ana", UserSort.LAST_ACTIVITY, false, 0, 50))).total();
    assertThat(total).isEqualTo(ACCOUNTS - (ACCOUNTS + 9) / 10).isGreaterThan(UserPageQuery.DIRECT_LOOKUP_LIMIT);
    for (int offset : new int[] {0, 50, 1_000, 2_400, 4_050, 9_000, (int) total - 30}) {
      assertThat(actual("ana", UserSort.LAST_ACTIVITY, false, offset, 50))
          .isEqualTo(expected("Ana", byActivity, offset, 50));
      assertThat(actual("ana", UserSort.LAST_ACTIVITY, true, offset, 50))
          .isEqualTo(expected("Ana", byActivity.reversed(), offset, 50));
    }
    assertThat(actual("ana", UserSort.LAST_ACTIVITY, false, (int) total - 10, 50)).hasSize(10);
  }

  @Test
  void everyWordMustMatchTheStartOfOneOfTheTerms() {
    Comparator<User> byName = Comparator.comparing((User u) -> SearchText.sortName(u.email().value(), u.firstName(), u.lastName()))
        .thenComparingLong(User::id);
    List<Long> expected = everyone.stream()
        .filter(u -> u.firstName().equals("Ana") && u.lastName().startsWith("N12"))
        .sorted(byName).limit(50).map(User::id).toList();
    assertThat(expected).hasSize(50);
    assertThat(actual("n12 ana", UserSort.NAME, false, 0, 50)).isEqualTo(expected);
    assertThat(actual("ana n12", UserSort.NAME, false, 0, 50)).isEqualTo(expected);
    assertThat(actual("ana n12 nobody", UserSort.NAME, false, 0, 50)).isEmpty();
    assertThat(actual("na", UserSort.NAME, false, 0, 50)).as("words match at the start of a term only").isEmpty();
  }

  @Test
  void narrowSearchUsesTheSameOrder() {
    Comparator<User> byActivity = Comparator.comparing(User::lastActivity).thenComparingLong(User::id);
    assertThat(actual("zoe", UserSort.LAST_ACTIVITY, false, 0, 50)).isEqualTo(expected("Zoë", byActivity, 0, 50));
    assertThat(actual("zoe", UserSort.LAST_ACTIVITY, false, 200, 50)).isEqualTo(expected("Zoë", byActivity, 200, 50));
  }
}
