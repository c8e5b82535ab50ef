package com.siali.label.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.SearchText;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.UserStatus;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both paging strategies (direct lookup and sort-index walk) give the same pages as a plain sort
 * would, whether the words are matched in the in-memory copy of the terms or in the database.
 */
class UserPageQueryIT {
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  // Enough that the walk reads a second, larger chunk of the sort index for the last pages.
  private static final int ACCOUNTS = UserPageQuery.WALK_CHUNK * 3;
  @TempDir static Path dir;
  static Database db;
  static List<User> everyone;

  /** Closed at once, so it never builds: searches through it read {@code user_search_terms}. */
  static PeopleSearchIndex databaseOnly;

  static PeopleSearchIndex index;
  final UserRepository users = new UserRepository(new ChangeFeed());

  @BeforeAll
  static void seed() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
    var changes = new ChangeFeed();
    var users = new UserRepository(changes);
    index = PeopleSearchIndex.following(db, changes);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    db.inTransactionDo(
        ctx -> {
          for (int i = 0; i < ACCOUNTS; i++) {
            // "Ana" for 9 in 10 accounts makes the walk path run; "Zoë" for the rest stays under
            // the lookup limit.
            String first = i % 10 == 0 ? "Zoë" : "Ana";
            long id =
                users.insert(
                    ctx,
                    EmailAddress.parse("p" + i + "@example.com"),
                    HASH,
                    i == 0,
                    start.plusSeconds(i % 97));
            users.updateProfile(
                ctx,
                users.findById(ctx, id).orElseThrow(),
                new ProfileUpdate(first, "N" + (i * 7919 % 1000), ""));
            if (i % 13 == 5) {
              users.setActive(ctx, id, false); // a few people who left, among Anas and Zoës
            }
          }
        });
    everyone = db.inTransaction(ctx -> allUsers(ctx, users));
    databaseOnly = new PeopleSearchIndex(db.dsl());
    databaseOnly.close();
    index.build();
  }

  private static List<User> allUsers(DSLContext ctx, UserRepository users) {
    List<User> all = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      var page = index.page(ctx, new UserQuery("", UserSort.EMAIL, false, offset, 500));
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
    return everyone.stream()
        .filter(u -> u.firstName().equals(first))
        .sorted(order)
        .skip(offset)
        .limit(limit)
        .map(User::id)
        .toList();
  }

  private List<Long> actual(
      String search, UserSort sort, boolean descending, int offset, int limit) {
    var query = new UserQuery(search, sort, descending, offset, limit);
    assertThat(index.isCurrent()).isTrue();
    var fromCopy = db.inTransaction(ctx -> index.page(ctx, query));
    var fromDatabase = db.inTransaction(ctx -> UserPageQuery.run(ctx, databaseOnly, query));
    assertThat(fromCopy.total())
        .as("total of '%s', in memory and in the database", search)
        .isEqualTo(fromDatabase.total());
    List<Long> ids = fromCopy.items().stream().map(User::id).toList();
    assertThat(ids)
        .as("page of '%s', in memory and in the database", search)
        .isEqualTo(fromDatabase.items().stream().map(User::id).toList());
    return ids;
  }

  @Test
  void broadSearchPagesAreSortedAndComplete() {
    Comparator<User> byActivity =
        Comparator.comparing(User::lastActivity).thenComparingLong(User::id);
    long total =
        db.inTransaction(
                ctx -> index.page(ctx, new UserQuery("ana", UserSort.LAST_ACTIVITY, false, 0, 50)))
            .total();
    assertThat(index.isCurrent()).as("the copy answered").isTrue();
    assertThat(total)
        .isEqualTo(ACCOUNTS - (ACCOUNTS + 9) / 10)
        .isGreaterThan(UserPageQuery.DIRECT_LOOKUP_LIMIT);
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
    Comparator<User> byName =
        Comparator.comparing(
                (User u) -> SearchText.sortName(u.email().value(), u.firstName(), u.lastName()))
            .thenComparingLong(User::id);
    List<Long> expected =
        everyone.stream()
            .filter(u -> u.firstName().equals("Ana") && u.lastName().startsWith("N12"))
            .sorted(byName)
            .limit(50)
            .map(User::id)
            .toList();
    assertThat(expected).hasSize(50);
    assertThat(actual("n12 ana", UserSort.NAME, false, 0, 50)).isEqualTo(expected);
    assertThat(actual("ana n12", UserSort.NAME, false, 0, 50)).isEqualTo(expected);
    assertThat(actual("ana n12 nobody", UserSort.NAME, false, 0, 50)).isEmpty();
    assertThat(actual("na", UserSort.NAME, false, 0, 50))
        .as("words match at the start of a term only")
        .isEmpty();
  }

  @Test
  void narrowSearchUsesTheSameOrder() {
    Comparator<User> byActivity =
        Comparator.comparing(User::lastActivity).thenComparingLong(User::id);
    assertThat(actual("zoe", UserSort.LAST_ACTIVITY, false, 0, 50))
        .isEqualTo(expected("Zoë", byActivity, 0, 50));
    assertThat(actual("zoe", UserSort.LAST_ACTIVITY, false, 200, 50))
        .isEqualTo(expected("Zoë", byActivity, 200, 50));
  }

  /**
   * The active filter narrows both the total and the page, with or without words, in the copy and
   * in the database, on both paging paths.
   */
  @Test
  void statusFilterCountsAndPagesOnlyTheAccountsShown() {
    Comparator<User> byEmail =
        Comparator.comparing((User u) -> u.email().value()).thenComparingLong(User::id);
    Comparator<User> byJoined = Comparator.comparing(User::dateJoined).thenComparingLong(User::id);
    for (UserStatus status : UserStatus.values()) {
      for (String search : new String[] {"", "ana", "zoe", "p12"}) {
        for (boolean descending : new boolean[] {false, true}) {
          for (int offset : new int[] {0, 300, 4_000}) {
            for (var sort : List.of(UserSort.EMAIL, UserSort.DATE_JOINED)) {
              Comparator<User> order = sort == UserSort.EMAIL ? byEmail : byJoined;
              List<User> shown =
                  everyone.stream()
                      .filter(u -> status.admits(u.active()))
                      .filter(u -> search.isEmpty() || matches(u, search))
                      .sorted(descending ? order.reversed() : order)
                      .toList();
              var query = new UserQuery(search, sort, descending, offset, 50, status);
              List<Long> expected = shown.stream().skip(offset).limit(50).map(User::id).toList();
              for (var source : List.of(index, databaseOnly)) {
                var page = db.inTransaction(ctx -> UserPageQuery.run(ctx, source, query));
                assertThat(page.total()).as("total of %s", query).isEqualTo(shown.size());
                assertThat(page.items().stream().map(User::id).toList())
                    .as("page of %s", query)
                    .isEqualTo(expected);
              }
            }
          }
        }
      }
    }
    long deactivated = everyone.stream().filter(u -> !u.active()).count();
    assertThat(deactivated).isEqualTo((ACCOUNTS - 5 + 12) / 13);
  }

  private static boolean matches(User user, String search) {
    return switch (search) {
      case "ana" -> user.firstName().equals("Ana");
      case "zoe" -> user.firstName().equals("Zoë");
      case "p12" -> user.username().startsWith("p12");
      default -> throw new IllegalArgumentException(search);
    };
  }

  @Test
  void everyOrderPagesTheSameInMemoryAsInTheDatabase() {
    // "ana" and "zoe" page by walking the order, "ana n12" and "p1" (few matches) by sorting
    // positions.
    for (UserSort sort : UserSort.values()) {
      for (boolean descending : new boolean[] {false, true}) {
        for (String search : new String[] {"ana", "zoe", "ana n12", "p1", "nobody"}) {
          for (int offset : new int[] {0, 100, 1_100, 5_000}) {
            actual(search, sort, descending, offset, 50);
          }
        }
      }
    }
    Comparator<User> byJoined = Comparator.comparing(User::dateJoined).thenComparingLong(User::id);
    assertThat(actual("zoe", UserSort.DATE_JOINED, true, 100, 50))
        .isEqualTo(expected("Zoë", byJoined.reversed(), 100, 50));
    Comparator<User> byEmail =
        Comparator.comparing((User u) -> u.email().value()).thenComparingLong(User::id);
    assertThat(actual("ana", UserSort.EMAIL, false, 5_000, 50))
        .isEqualTo(expected("Ana", byEmail, 5_000, 50));
  }
}
