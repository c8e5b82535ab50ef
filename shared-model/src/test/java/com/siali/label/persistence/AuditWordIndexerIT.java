package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditQuery;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0022 on both backends: an audit event's search words are written after it commits, and a
 * search finds it before, while and after they are — once; events left waiting by a process that
 * stopped are indexed by the next one; a pruned waiting event leaves nothing behind.
 */
class AuditWordIndexerIT {
  @TempDir Path dir;
  Database db;
  final AuditRepository audit = new AuditRepository(new ChangeFeed()); // no indexer follows it

  @BeforeEach
  void open() {
    db = TestDatabases.open(DataDirectory.open(dir.resolve("data")));
    // Enough events that a rare word is read from the word index and not by walking the log.
    BulkAuditEvents.seed(db, 3_000, Instant.now().minusSeconds(60));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long append(String email, String address, Instant time) {
    return db.inTransaction(
        ctx ->
            audit.append(
                ctx,
                new AuditRepository.Row(
                    time,
                    Optional.empty(),
                    email,
                    AuditAction.LOGGED_IN,
                    Optional.empty(),
                    email,
                    address,
                    "web",
                    true,
                    "")));
  }

  private List<Long> searched(String words) {
    return db.inTransaction(
        ctx ->
            audit.page(ctx, AuditQuery.all().limit(100).searching(words)).stream()
                .map(AuditEntry::id)
                .toList());
  }

  private int waiting() {
    return db.dsl().fetchCount(db.dsl().selectFrom("audit_words_pending"));
  }

  private int wordsOf(long event) {
    return db.dsl()
        .fetchCount(db.dsl().selectFrom("audit_event_words").where("event_id = ?", event));
  }

  @Test
  void aWaitingEventIsFoundByItsWordsAndOnceTheyAreWrittenStillOnce() {
    long id = append("zebra417@example.com", "10.77.3.9", Instant.now());
    assertThat(waiting()).isEqualTo(1);
    assertThat(wordsOf(id)).isZero();

    assertThat(searched("zebra417@")).containsExactly(id); // a rare whole word
    assertThat(searched("zebra41")).containsExactly(id); // a rare beginning
    assertThat(searched("10.77.3.9")).containsExactly(id); // a run
    assertThat(searched("zebra417@ 10.77.")).containsExactly(id);

    assertThat(AuditWordIndexer.indexBatch(db)).isEqualTo(1);
    assertThat(waiting()).isZero();
    assertThat(wordsOf(id)).isPositive();
    assertThat(searched("zebra417@")).containsExactly(id);
    assertThat(searched("10.77.3.9")).containsExactly(id);
    assertThat(AuditWordIndexer.indexBatch(db)).as("nothing is left").isZero();
  }

  @Test
  void theNextProcessIndexesWhatAStoppedOneLeftWaiting() throws Exception {
    List<Long> left =
        List.of(
            append("left1@example.com", "10.0.0.1", Instant.now()),
            append("left2@example.com", "10.0.0.2", Instant.now()));
    assertThat(waiting()).isEqualTo(2);

    startServices();
    waitUntil(() -> waiting() == 0, Duration.ofSeconds(5));
    assertThat(left).allSatisfy(id -> assertThat(wordsOf(id)).isPositive());
    assertThat(searched("left1@")).containsExactly(left.getFirst());
  }

  @Test
  void aLogInsWordsAreWrittenWithinASecond() throws Exception {
    var services = startServices();
    services
        .accounts()
        .create(com.siali.label.model.NewAccount.of("quagga@example.com", "correct horse battery"));
    services.sessions().logIn("quagga@example.com", "correct horse battery", false);
    waitUntil(() -> waiting() == 0, Duration.ofSeconds(1));
    assertThat(searched("quagga@")).hasSize(2); // the sign-up and the log-in
  }

  @Test
  void aPrunedWaitingEventLeavesNothing() {
    Instant old = Instant.now().minus(Duration.ofDays(400));
    long id = append("ancient@example.com", "10.9.9.9", old);
    db.inTransaction(ctx -> audit.deleteBefore(ctx, old.plusSeconds(1)));
    assertThat(waiting()).isZero();
    assertThat(AuditWordIndexer.indexBatch(db)).isZero();
    assertThat(wordsOf(id)).isZero();
    assertThat(searched("ancient@")).isEmpty();
  }

  /** What a process starting on the database runs, its indexer among it. */
  private Services startServices() {
    return Services.over(
        db,
        dir.resolve("avatars"),
        PasswordHasher.withDefaults(),
        PasswordPolicy.standard(),
        Clock.systemUTC());
  }

  private static void waitUntil(java.util.function.BooleanSupplier done, Duration within)
      throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("in time").isLessThan(end);
      Thread.sleep(20);
    }
  }
}
