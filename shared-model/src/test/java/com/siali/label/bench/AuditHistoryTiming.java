package com.siali.label.bench;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.BulkAuditEvents;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.TempTree;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Times a History page (50 events, newest first, keyset) at 1 000 000 audit events through the real
 * service, as the window and {@code GET /api/audit} read it (run by tools/bench audit; not a test):
 * the first page, a page half-way down, each filter, and searches: rare and common words, a word
 * being typed, one address, and a word found nowhere (the worst case of a walk through the log).
 */
public final class AuditHistoryTiming {
  private AuditHistoryTiming() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("audit-history");
    System.out.println(
        "backend: "
            + (TestDatabases.postgres() ? "PostgreSQL" : "H2 file")
            + ", "
            + events
            + " events");
    try (Database db = TestDatabases.open(DataDirectory.open(dir))) {
      Clock clock = Clock.systemUTC();
      Services services =
          Services.over(
              db,
              dir.resolve("avatars"),
              PasswordHasher.withDefaults(),
              PasswordPolicy.standard(),
              clock);
      long owner =
          services
              .accounts()
              .create(NewAccount.of("lead@example.com", "correct horse battery"))
              .id();
      long seedStart = System.nanoTime();
      BulkAuditEvents.seed(db, events, clock.instant().minusSeconds(10));
      System.out.printf("seeded in %d s%n", (System.nanoTime() - seedStart) / 1_000_000_000);
      AuditQuery first = AuditQuery.all();
      AuditPage deep = services.audit().page(owner, first);
      // A cursor half-way down: the time of the middle event, found by the range filter.
      Instant middle = clock.instant().minus(Duration.ofSeconds(events / 2));
      var halfWay =
          services.audit().page(owner, first.between(Optional.empty(), Optional.of(middle))).next();
      time(services, owner, "first page", q -> q);
      time(services, owner, "next page", q -> q.olderThan(deep.next()));
      time(services, owner, "page half-way down (keyset)", q -> q.olderThan(halfWay));
      time(
          services,
          owner,
          "action = token_reset",
          q -> q.withAction(Optional.of(AuditAction.TOKEN_RESET)));
      time(
          services,
          owner,
          "action = login_failed",
          q -> q.withAction(Optional.of(AuditAction.LOGIN_FAILED)));
      time(services, owner, "person (actor or subject)", q -> q.forPerson(417));
      time(
          services,
          owner,
          "last 7 days",
          q -> q.between(Optional.of(clock.instant().minus(Duration.ofDays(7))), Optional.empty()));
      time(services, owner, "search \"user417@\"", q -> q.searching("user417@"));
      time(services, owner, "search \"192.168.7.\"", q -> q.searching("192.168.7."));
      time(services, owner, "search \"user41\" (typing)", q -> q.searching("user41"));
      time(services, owner, "search \"192.168.166.17\"", q -> q.searching("192.168.166.17"));
      time(services, owner, "search \"nobody@\" (no match)", q -> q.searching("nobody@"));
      timeOneWrite(services, services.people().findByEmail("lead@example.com").orElseThrow());
    } finally {
      TempTree.delete(dir);
    }
  }

  /**
   * What the audit log adds to a log-in: one event written in a transaction of its own, as a failed
   * log-in's is (a successful one's shares the session's transaction and so costs less: no commit
   * of its own). Into the table as seeded, with its indexes.
   */
  private static void timeOneWrite(Services services, User subject) {
    AuditEvent event = AuditEvent.about(AuditAction.LOGIN_FAILED, subject);
    for (int i = 0; i < 500; i++) {
      services.audit().recordAlone(event);
    }
    long[] nanos = new long[2_000];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      services.audit().recordAlone(event);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-32s %3s        p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (target: adds <= 1 ms to a"
            + " log-in)%n",
        "one event, own transaction",
        "",
        nanos[nanos.length / 2] / 1e6,
        nanos[nanos.length * 95 / 100] / 1e6,
        nanos[nanos.length - 1] / 1e6);
  }

  private static void time(
      Services services, long owner, String what, UnaryOperator<AuditQuery> query) {
    AuditQuery q = query.apply(AuditQuery.all());
    for (int i = 0; i < 20; i++) {
      services.audit().page(owner, q);
    }
    long[] nanos = new long[100];
    int shown = 0;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      shown = services.audit().page(owner, q).entries().size();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-32s %3d shown  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n",
        what, shown, nanos[50] / 1e6, nanos[95] / 1e6, nanos[99] / 1e6);
  }
}
