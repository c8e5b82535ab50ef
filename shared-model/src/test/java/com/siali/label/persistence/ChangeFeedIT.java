package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caches hear of a changed account only once the change is committed, and never of a rolled-back
 * one.
 */
class ChangeFeedIT {
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  @TempDir Path dir;
  Database db;
  final ChangeFeed changes = new ChangeFeed();
  UserRepository users;
  long id;
  final List<String> seenByListener = new CopyOnWriteArrayList<>();
  final List<ChangeKind> kinds = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
    users = new UserRepository(changes);
    id =
        db.inTransaction(
            ctx ->
                users.insert(
                    ctx, EmailAddress.parse("ada@example.com"), HASH, true, Instant.now()));
    // What a cache would do on a notice: read the account again, on another connection.
    changes.subscribe(
        change -> {
          kinds.add(change.kind());
          seenByListener.add(
              db.inTransaction(
                  ctx ->
                      users
                          .findById(ctx, change.subjectId())
                          .map(user -> user.firstName())
                          .orElse("(deleted)")));
        });
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
    var tokens = new ApiTokenRepository(changes);
    db.inTransactionDo(
        ctx -> {
          users.touchActivity(ctx, id, Instant.now());
          users.setActive(ctx, id, false);
          users.setAvatar(ctx, id, Optional.of("a.jpg"));
          users.updatePasswordHash(ctx, id, HASH);
          tokens.put(ctx, id, "0".repeat(40), Instant.now());
        });
    assertThat(kinds)
        .containsExactly(
            ChangeKind.ACTIVITY_RECORDED,
            ChangeKind.DEACTIVATED,
            ChangeKind.PICTURE_CHANGED,
            ChangeKind.PASSWORD_CHANGED,
            ChangeKind.TOKEN_ROTATED);
    db.inTransactionDo(ctx -> users.delete(ctx, id));
    assertThat(seenByListener).hasSize(6).endsWith("(deleted)");
    assertThat(kinds).endsWith(ChangeKind.DELETED);
  }

  @Test
  void instanceWideChangesAreAnnouncedToo() {
    db.inTransactionDo(
        ctx -> {
          new InvitationRepository(changes).replace(ctx, "token", Instant.now());
          new SettingsRepository(changes).put(ctx, "signup.open", "false");
          new WebSessionRepository(changes).deleteAllOf(ctx, id);
        });
    assertThat(kinds)
        .containsExactly(
            ChangeKind.INVITATION_LINK_RESET,
            ChangeKind.SETTING_CHANGED,
            ChangeKind.SESSIONS_ENDED);
  }

  @Test
  void personalInvitationsMadeUsedAndRevokedAreAnnouncedAsInstanceWide() {
    var invitations = new PersonalInvitationRepository(changes);
    Instant now = Instant.now();
    db.inTransactionDo(
        ctx -> {
          long made =
              invitations.insert(
                  ctx,
                  "0".repeat(64),
                  EmailAddress.parse("bo@example.com"),
                  id,
                  now,
                  now.plusSeconds(60));
          long other =
              invitations.insert(
                  ctx,
                  "1".repeat(64),
                  EmailAddress.parse("cy@example.com"),
                  id,
                  now,
                  now.plusSeconds(60));
          invitations.markUsed(ctx, made, id, now);
          invitations.markRevoked(ctx, other, now);
          invitations.markRevoked(ctx, made, now); // used: nothing to revoke, nothing announced
        });
    assertThat(kinds).hasSize(4).containsOnly(ChangeKind.PERSONAL_INVITATIONS_CHANGED);
    assertThat(ChangeKind.PERSONAL_INVITATIONS_CHANGED.aboutAnAccount()).isFalse();
  }

  /** A second feed over the same database stands for another process (PostgreSQL's case). */
  @Test
  void anotherProcessHearsOfACommittedChangeWithinASecond() {
    List<Change> elsewhere = new CopyOnWriteArrayList<>();
    try (var other = new ChangeFeed()) {
      other.subscribe(elsewhere::add);
      other.follow(db, Duration.ofMillis(100));
      rename("Ada");
      await(() -> !elsewhere.isEmpty());
      assertThat(elsewhere)
          .singleElement()
          .satisfies(
              change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.PROFILE_CHANGED);
                assertThat(change.subjectId()).isEqualTo(id);
              });
    }
  }

  @Test
  void aBrokenListenerConnectionLosesNothing() throws Exception {
    assumeTrue(db.sharedWithOtherProcesses(), "the LISTEN connection exists on PostgreSQL only");
    List<Change> elsewhere = new CopyOnWriteArrayList<>();
    try (var other = new ChangeFeed()) {
      other.subscribe(elsewhere::add);
      other.follow(db, Duration.ofMillis(200));
      Thread.sleep(300); // the follower is listening now
      int ended =
          db.dsl()
              .fetchOne(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")
              .get(0, Integer.class);
      assertThat(ended).as("listening connections ended").isPositive();
      rename("Ada");
      await(() -> !elsewhere.isEmpty());
      assertThat(elsewhere).extracting(Change::kind).containsExactly(ChangeKind.PROFILE_CHANGED);
    }
  }

  /**
   * What wakes the other process is the notification the log's trigger sends at the commit
   * (migrations V9_1, V9_2): its next poll is 10 s away. The other process is a second {@code
   * Database} on the same PostgreSQL database, a pool of its own, as another node's. (Not longer:
   * closing the follower waits for the driver's wait on the listening connection to end.)
   */
  @Test
  void onPostgresqlTheCommitItselfWakesAnotherProcess() throws Exception {
    assumeTrue(db.sharedWithOtherProcesses(), "notifications exist on PostgreSQL only");
    List<Change> elsewhere = new CopyOnWriteArrayList<>();
    try (Database otherProcess = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
        var other = new ChangeFeed()) {
      other.subscribe(elsewhere::add);
      other.follow(otherProcess, Duration.ofSeconds(10));
      Thread.sleep(300); // the follower has read the log and is listening now
      rename("Ada");
      await(() -> !elsewhere.isEmpty());
      assertThat(elsewhere).extracting(Change::kind).containsExactly(ChangeKind.PROFILE_CHANGED);
    }
  }

  /**
   * A node's own commits do not wake its follower (V9_2): it delivered their changes when they
   * committed, and reading the log for them cost a busy node a read per write. Another process's
   * commit still wakes it at once.
   */
  @Test
  void onPostgresqlAProcessIsNotWokenByItsOwnCommits() throws Exception {
    assumeTrue(db.sharedWithOtherProcesses(), "notifications exist on PostgreSQL only");
    try (Database otherProcess = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
        ChangeWakeups wakeups = db.changeWakeups()) {
      var woken = new CountDownLatch(1);
      Thread waiting =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      wakeups.await(Duration.ofSeconds(20));
                      woken.countDown();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      Thread.sleep(300); // listening now
      for (String first : List.of("Ada", "Augusta", "Ada")) {
        rename(first); // committed through this process's own pool
      }
      assertThat(woken.await(1, TimeUnit.SECONDS)).as("woken by its own commits").isFalse();
      var otherUsers = new UserRepository(new ChangeFeed());
      otherProcess.inTransactionDo(
          ctx ->
              otherUsers.updateProfile(
                  ctx,
                  otherUsers.findById(ctx, id).orElseThrow(),
                  new ProfileUpdate("Grace", "", "")));
      assertThat(woken.await(1, TimeUnit.SECONDS)).as("woken by the other process").isTrue();
      waiting.join();
    }
  }

  @Test
  void aFollowerDoesNotDeliverItsOwnChangesTwice() throws Exception {
    List<Change> heard = new CopyOnWriteArrayList<>();
    try (var own = new ChangeFeed()) {
      own.subscribe(heard::add);
      own.follow(db, Duration.ofMillis(50));
      var ownUsers = new UserRepository(own);
      db.inTransactionDo(
          ctx ->
              ownUsers.updateProfile(
                  ctx, ownUsers.findById(ctx, id).orElseThrow(), new ProfileUpdate("Ada", "", "")));
      assertThat(heard).as("delivered when it committed").hasSize(1);
      Thread.sleep(300); // several reads of the log
      assertThat(heard).hasSize(1);
    }
  }

  @Test
  void aChangeThatCommitsLateIsStillDelivered() throws Exception {
    List<Change> elsewhere = new CopyOnWriteArrayList<>();
    try (var other = new ChangeFeed()) {
      other.subscribe(elsewhere::add);
      other.follow(db, Duration.ofMillis(50));
      var holding = new CountDownLatch(1);
      var release = new CountDownLatch(1);
      Thread slow =
          Thread.ofPlatform()
              .start(
                  () ->
                      db.inTransactionDo(
                          ctx -> {
                            users.setAvatar(ctx, id, Optional.of("slow.jpg"));
                            holding.countDown();
                            awaitLatch(release);
                          }));
      holding.await();
      long grace =
          db.inTransaction(
              ctx ->
                  users.insert(
                      ctx, EmailAddress.parse("grace@example.com"), HASH, false, Instant.now()));
      // a later sequence (another account: the slow one holds ada's row) commits first
      await(() -> elsewhere.size() == 1);
      release.countDown();
      slow.join();
      await(() -> elsewhere.size() == 2);
      assertThat(elsewhere)
          .extracting(Change::kind)
          .containsExactly(ChangeKind.ACCOUNT_CREATED, ChangeKind.PICTURE_CHANGED);
      assertThat(elsewhere.getFirst().subjectId()).isEqualTo(grace);
    }
  }

  @Test
  void aSequenceThatNeverAppearsMakesFollowersDropTheirCaches() throws Exception {
    var resynchronised = new CountDownLatch(1);
    try (var other = new ChangeFeed()) {
      other.subscribe(
          new ChangeFeed.Listener() {
            @Override
            public void changed(Change change) {}

            @Override
            public void resynchronise() {
              resynchronised.countDown();
            }
          });
      other.follow(db, Duration.ofMillis(50), Duration.ofMillis(300));
      assertThatThrownBy(
              () ->
                  db.inTransactionDo(
                      ctx -> {
                        users.setAvatar(ctx, id, Optional.of("never.jpg"));
                        throw new IllegalStateException("rolled back");
                      }))
          .isInstanceOf(IllegalStateException.class);
      rename("After"); // leaves the rolled-back sequence as a gap
      assertThat(resynchronised.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 1 s");
      }
      Thread.onSpinWait();
    }
  }
}
