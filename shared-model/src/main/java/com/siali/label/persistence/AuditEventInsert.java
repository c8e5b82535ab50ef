package com.siali.label.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Writes one audit event with plain JDBC, in the caller's connection (so its transaction), and
 * lists it as waiting for its search words ({@link AuditWordIndexer} writes them after it commits).
 * Every log-in writes one, so this is on a log-in's path: the same statements every time (the
 * database keeps them parsed). Through jOOQ a third of the event's cost was building the
 * statements.
 */
final class AuditEventInsert {
  private static final String EVENT =
      "INSERT INTO audit_events (occurred_at, actor_id, actor_label, action, subject_id,"
          + " subject_email, client_address, channel, succeeded, details)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String PENDING = "INSERT INTO audit_words_pending (event_id) VALUES (?)";

  private AuditEventInsert() {}

  /** The stored event's fields, already clipped to their columns. */
  record Fields(
      OffsetDateTime time,
      Optional<Long> actorId,
      String actorLabel,
      String action,
      Optional<Long> subjectId,
      String subjectEmail,
      String clientAddress,
      String channel,
      boolean succeeded,
      String details) {}

  /** Inserts the event and lists it as waiting for its words; returns the event's id. */
  static long insert(Connection connection, Fields event) throws SQLException {
    long id;
    try (PreparedStatement insert = connection.prepareStatement(EVENT, new String[] {"id"})) {
      insert.setObject(1, event.time());
      setOptional(insert, 2, event.actorId());
      insert.setString(3, event.actorLabel());
      insert.setString(4, event.action());
      setOptional(insert, 5, event.subjectId());
      insert.setString(6, event.subjectEmail());
      insert.setString(7, event.clientAddress());
      insert.setString(8, event.channel());
      insert.setBoolean(9, event.succeeded());
      insert.setString(10, event.details());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the audit event");
        }
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement pending = connection.prepareStatement(PENDING)) {
      pending.setLong(1, id);
      pending.executeUpdate();
    }
    return id;
  }

  private static void setOptional(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }
}
