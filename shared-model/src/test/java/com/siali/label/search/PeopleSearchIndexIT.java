package com.siali.label.search;

import static com.siali.label.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory copy of the search terms never answers with less than what was committed. */
class PeopleSearchIndexIT {
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  @TempDir Path dir;
  Database db;
  UserRepository users;
  PeopleSearchIndex index;
  long ada;

  @BeforeEach
  void open() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
    var changes = new ChangeFeed();
    users = new UserRepository(changes);
    index = PeopleSearchIndex.following(db, changes);
    ada = account("ada@example.com", "Ada", "Lovelace");
    account("grace@example.com", "Grace", "Hopper");
    account("alan@labs.org", "Alan", "Turing");
    index.build();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long account(String email, String first, String last) {
    return db.inTransaction(
        ctx -> {
          long id = users.insert(ctx, EmailAddress.parse(email), HASH, false, Instant.now());
          users.updateProfile(
              ctx, users.findById(ctx, id).orElseThrow(), new ProfileUpdate(first, last, ""));
          return id;
        });
  }

  private List<String> found(String search) {
    return db
        .inTransaction(ctx -> index.page(ctx, new UserQuery(search, UserSort.NAME, false, 0, 50)))
        .items()
        .stream()
        .map(User::displayName)
        .toList();
  }

  private void rename(long id, String first, String last) {
    db.inTransactionDo(
        ctx ->
            users.updateProfile(
                ctx, users.findById(ctx, id).orElseThrow(), new ProfileUpdate(first, last, "")));
  }

  @Test
  void theCopyAnswersWhatTheDatabaseHolds() {
    assertThat(index.isCurrent()).isTrue();
    assertThat(found("a")).containsExactly("Ada Lovelace", "Alan Turing");
    assertThat(found("example")).containsExactly("Ada Lovelace", "Grace Hopper");
    assertThat(found("l")).containsExactly("Ada Lovelace", "Alan Turing");
    assertThat(found("ada h")).isEmpty();
    assertThat(found("zzz")).isEmpty();
  }

  @Test
  void aRenameIsFoundAtOnceAndTheCopyIsRebuiltInTheBackground() throws Exception {
    rename(ada, "Zebedee", "Quill");

    assertThat(index.isCurrent()).as("stale after the rename").isFalse();
    assertThat(found("zeb")).containsExactly("Zebedee Quill");
    assertThat(found("lovelace")).isEmpty();

    // That search started a build on the index's thread; once it is done, the copy answers again,
    // the same.
    for (int i = 0; i < 500 && !index.isCurrent(); i++) {
      Thread.sleep(10);
    }
    assertThat(index.isCurrent()).as("rebuilt in the background").isTrue();
    assertThat(found("zeb")).containsExactly("Zebedee Quill");
    assertThat(found("lovelace")).isEmpty();
  }

  @Test
  void newAndDeletedAccountsCountAtOnce() {
    account("linus@labs.org", "Linus", "Torvalds");
    assertThat(found("labs")).containsExactly("Alan Turing", "Linus Torvalds");

    index.build();
    db.inTransactionDo(ctx -> users.delete(ctx, ada));
    var page =
        db.inTransaction(
            ctx -> index.page(ctx, new UserQuery("example", UserSort.NAME, false, 0, 50)));
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void aCopyBuiltWhileARenameWasUncommittedIsNotUsed() {
    db.inTransactionDo(
        ctx -> {
          users.updateProfile(
              ctx,
              users.findById(ctx, ada).orElseThrow(),
              new ProfileUpdate("Zebedee", "Quill", ""));
          // Another connection cannot see the rename yet: this copy still has "Ada Lovelace".
          index.build();
        });

    assertThat(index.isCurrent()).isFalse();
    assertThat(found("zeb")).containsExactly("Zebedee Quill");
    assertThat(found("lovelace")).isEmpty();
  }

  @Test
  void aRolledBackRenameChangesNothing() {
    assertThatThrownBy(
            () ->
                db.inTransactionDo(
                    ctx -> {
                      users.updateProfile(
                          ctx,
                          users.findById(ctx, ada).orElseThrow(),
                          new ProfileUpdate("Zebedee", "Quill", ""));
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");

    assertThat(found("lovelace")).containsExactly("Ada Lovelace");
    assertThat(found("zeb")).isEmpty();
    index.build();
    assertThat(found("lovelace")).containsExactly("Ada Lovelace");
  }

  private User onlyFound(String search) {
    var page =
        db.inTransaction(
            ctx -> index.page(ctx, new UserQuery(search, UserSort.NAME, false, 0, 50)));
    assertThat(page.items()).hasSize(1);
    return page.items().getFirst();
  }

  @Test
  void theRowsHeldInMemoryShowEveryCommittedChangeAtOnce() {
    assertThat(onlyFound("ada").active()).isTrue();
    assertThat(index.rows().holds(ada)).as("held once a page has read it").isTrue();

    // None of these changes a search term, so the copy stays in use: only the row is read again.
    db.inTransactionDo(ctx -> users.setActive(ctx, ada, false));
    assertThat(index.isCurrent()).isTrue();
    assertThat(onlyFound("ada").active()).as("deactivated").isFalse();

    Instant later = Instant.parse("2031-05-06T07:08:09Z");
    db.inTransactionDo(ctx -> users.touchActivity(ctx, ada, later));
    assertThat(onlyFound("ada").lastActivity()).isEqualTo(later);

    db.inTransactionDo(ctx -> users.setAvatar(ctx, ada, Optional.of("ada.png")));
    assertThat(onlyFound("ada").avatar()).contains("ada.png");

    // And the whole list, the search cleared back to nothing, from the copy too.
    assertThat(found("")).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
  }

  @Test
  void aRowReadWhileItsAccountChangedIsNotKept() throws Exception {
    try (PeopleRows.Read read = index.rows().startReading()) {
      List<User> before = db.dsl().connectionResult(c -> UserRepository.byIds(c, List.of(ada)));
      db.inTransactionDo(ctx -> users.setActive(ctx, ada, false)); // commits after that read
      read.keep(before);
    }

    assertThat(onlyFound("ada").active()).as("the stale row was dropped").isFalse();
  }

  @Test
  void aRolledBackChangeLeavesTheHeldRowAsItWas() {
    assertThatThrownBy(
            () ->
                db.inTransactionDo(
                    ctx -> {
                      users.setActive(ctx, ada, false);
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");

    assertThat(onlyFound("ada").active()).isTrue();
  }

  @Test
  void afterChangesMayHaveBeenMissedEveryRowIsReadAgain() {
    onlyFound("ada"); // now held
    db.dsl()
        .update(USERS)
        .set(USERS.PHONE, "+44 20 7946 0000")
        .where(USERS.ID.eq(ada))
        .execute(); // a write the feed did not carry, as when a follower lost its place
    assertThat(onlyFound("ada").phone()).as("still the held row").isEmpty();

    index.rows().resynchronise();

    assertThat(index.rows().holds(ada)).isFalse();
    assertThat(onlyFound("ada").phone()).isEqualTo("+44 20 7946 0000");
  }

  @Test
  void closingDuringABuildLeavesNoFileOpen() throws Exception {
    // H2 only: it checks the H2 file in the data directory (PostgreSQL has none there).
    org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabases.postgres());
    BulkAccounts.seed(db, 5_000);
    for (int attempt = 0; attempt < 3; attempt++) {
      rename(ada, "Ada", "Lovelace" + attempt);
      found("a"); // the copy is stale: this starts a build in the background
      db.close(); // while it reads

      // Everything closed: files deleted now stay deleted (the CI saw H2 write again after its
      // directory was
      // emptied, when a build's connection outlived the pool).
      Path data = dir.resolve("data");
      try (var files = Files.list(data)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.getFileName().toString().endsWith(".db")) {
            Files.copy(file, dir.resolve("kept.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
          }
        }
      }
      Thread.sleep(300);
      try (var files = Files.list(data)) {
        assertThat(
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".db")).toList())
            .isEmpty();
      }
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().equals("people-search-order"));
      Files.move(dir.resolve("kept.mv.db"), data.resolve("siali-label.mv.db"));
      db = TestDatabases.open(DataDirectory.open(data));
      var changes = new ChangeFeed();
      users = new UserRepository(changes);
      index = PeopleSearchIndex.following(db, changes);
    }
  }
}
