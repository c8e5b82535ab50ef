package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caches hear of a changed account only once the change is committed, and never of a rolled-back
 * one.
 */
class AccountChangesIT {
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  @TempDir Path dir;
  Database db;
  UserRepository users;
  long id;
  final List<String> seenByListener = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
    users = new UserRepository(db);
    id =
        db.inTransaction(
            ctx ->
                users.insert(
                    ctx, EmailAddress.parse("ada@example.com"), HASH, true, Instant.now()));
    // What a cache would do on a notice: read the account again, on another connection.
    db.accountChanges()
        .subscribe(
            changed ->
                seenByListener.add(
                    db.inTransaction(
                        ctx ->
                            users
                                .findById(ctx, changed)
                                .map(user -> user.firstName())
                                .orElse("(deleted)"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void rename(String first) {
    users.updateProfile(
        db.dsl(), users.findById(db.dsl(), id).orElseThrow(), new ProfileUpdate(first, "", ""));
  }

  @Test
  void aNoticeComesAfterTheCommitSoAReaderSeesTheNewData() {
    db.inTransactionDo(
        ctx ->
            users.updateProfile(
                ctx, users.findById(ctx, id).orElseThrow(), new ProfileUpdate("Ada", "", "")));
    assertThat(seenByListener).containsExactly("Ada");
  }

  @Test
  void aRolledBackChangeIsNotAnnounced() {
    assertThatThrownBy(
            () ->
                db.inTransactionDo(
                    ctx -> {
                      users.updateProfile(
                          ctx,
                          users.findById(ctx, id).orElseThrow(),
                          new ProfileUpdate("Ada", "", ""));
                      throw new IllegalStateException("something later in the transaction failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(seenByListener).isEmpty();
    String stored = db.inTransaction(ctx -> users.findById(ctx, id).orElseThrow().firstName());
    assertThat(stored).isEmpty();
  }

  @Test
  void aStatementOutsideATransactionIsAnnouncedAtOnce() {
    rename("Grace");
    assertThat(seenByListener).containsExactly("Grace");
  }

  @Test
  void everyKindOfAccountChangeIsAnnounced() {
    var tokens = new ApiTokenRepository(db.accountChanges());
    db.inTransactionDo(
        ctx -> {
          users.touchActivity(ctx, id, Instant.now());
          users.setActive(ctx, id, false);
          users.setAvatar(ctx, id, java.util.Optional.of("a.jpg"));
          users.updatePasswordHash(ctx, id, HASH);
          tokens.put(ctx, id, "0".repeat(40), Instant.now());
        });
    assertThat(seenByListener).hasSize(5);
    db.inTransactionDo(ctx -> users.delete(ctx, id));
    assertThat(seenByListener).hasSize(6).endsWith("(deleted)");
  }
}
