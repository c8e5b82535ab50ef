package com.siali.label.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Seeds many audit events quickly for benchmarks: plain JDBC batches of the real table, one event a
 * second back from {@code newest}, actions and 1 000 subjects in turn, every 50th event a failed
 * log-in from its own address; with their search words.
 */
public final class BulkAuditEvents {
  private static final String[] ACTIONS = {
    "logged_in",
    "logged_in",
    "logged_in",
    "profile_changed",
    "token_reset",
    "logged_out",
    "picture_changed",
    "password_changed"
  };
  private static final int BATCH = 5_000;

  private BulkAuditEvents() {}

  public static void seed(Database db, int count, Instant newest) {
    String sql =
        "INSERT INTO audit_events (occurred_at, actor_id, actor_label, action, subject_id,"
            + " subject_email, client_address, channel, succeeded, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    long[] indexed = {maxId(db)}; // the History search's words, as AuditRepository.append writes
    for (int start = 0; start < count; start += BATCH) {
      int from = start;
      int to = Math.min(count, start + BATCH);
      db.inTransactionDo(
          ctx ->
              ctx.connection(
                  connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                      for (int i = from; i < to; i++) {
                        long subject = 1 + i % 1_000;
                        boolean failed = i % 50 == 0;
                        String email = "user" + subject + "@example.com";
                        insert.setTimestamp(
                            1, Timestamp.from(newest.minus(Duration.ofSeconds(count - i))));
                        insert.setObject(2, failed ? null : subject);
                        insert.setString(3, failed ? "visitor" : email);
                        insert.setString(4, failed ? "login_failed" : ACTIONS[i % ACTIONS.length]);
                        insert.setLong(5, subject);
                        insert.setString(6, email);
                        insert.setString(7, "192.168." + (i % 250) + "." + (1 + i % 200));
                        insert.setString(8, "web");
                        insert.setBoolean(9, !failed);
                        insert.setString(10, failed ? "wrong password" : "");
                        insert.addBatch();
                      }
                      insert.executeBatch();
                    }
                    indexed[0] = AuditSearchWords.indexEventsAfter(connection, indexed[0]);
                  }));
    }
  }

  private static long maxId(Database db) {
    Long max = db.dsl().fetchOne("SELECT MAX(id) FROM audit_events").get(0, Long.class);
    return max == null ? 0 : max;
  }
}
