package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENTS;
import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENT_WORDS;

import com.siali.label.model.AuditCursor;
import com.siali.label.model.AuditQuery;
import com.siali.label.persistence.AuditSearchWords.Part;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What an {@link AuditQuery} asks of the audit tables, as SQL conditions: its filters, its person,
 * its search words, the keyset cursor. {@link AuditRepository} chooses how to read; this says what
 * a row must hold.
 */
final class AuditConditions {
  private AuditConditions() {}

  /** A whole word is one key; a beginning of words one key range (code point order, V8_1). */
  static Condition isWord(Part part) {
    return part.whole()
        ? AUDIT_EVENT_WORDS.WORD.eq(part.text())
        : AUDIT_EVENT_WORDS
            .WORD
            .ge(part.text())
            .and(AUDIT_EVENT_WORDS.WORD.lt(part.text() + Character.MAX_VALUE));
  }

  static List<String> searchWords(AuditQuery query) {
    return Arrays.stream(query.search().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  static List<Condition> filters(AuditQuery query) {
    List<Condition> where = new ArrayList<>();
    query.action().ifPresent(a -> where.add(AUDIT_EVENTS.ACTION.eq(a.wireName())));
    query.from().ifPresent(t -> where.add(AUDIT_EVENTS.OCCURRED_AT.ge(UserRepository.at(t))));
    query.to().ifPresent(t -> where.add(AUDIT_EVENTS.OCCURRED_AT.lt(UserRepository.at(t))));
    query
        .before()
        .ifPresent(c -> where.add(olderThan(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ID, c)));
    for (String word : searchWords(query)) {
      where.add(mentions(word));
    }
    return where;
  }

  /** The filters, and the person as actor or subject (one {@code OR}: the rows are few here). */
  static List<Condition> filtersAndPerson(AuditQuery query) {
    List<Condition> where = filters(query);
    query
        .person()
        .ifPresent(p -> where.add(AUDIT_EVENTS.SUBJECT_ID.eq(p).or(AUDIT_EVENTS.ACTOR_ID.eq(p))));
    return where;
  }

  /**
   * Strictly older than the cursor in (time, id) order, written so that both backends scan the
   * index's range up to the cursor's time: the first term bounds the range, the second drops the
   * rows of that same instant at or after the cursor's id.
   */
  static Condition olderThan(
      Field<OffsetDateTime> timeColumn, Field<Long> idColumn, AuditCursor cursor) {
    var time = UserRepository.at(cursor.time());
    return timeColumn.le(time).and(timeColumn.lt(time).or(idColumn.lt(cursor.id())));
  }

  /**
   * The word anywhere in actor, subject, address or details, ignoring case. The pattern is a
   * literal in the SQL (jOOQ quotes it), not a bound expression: H2 compiles a constant pattern
   * once per statement but a computed one for every row, which made a search walking the log three
   * times slower.
   */
  static Condition mentions(String word) {
    List<Field<String>> searched =
        List.of(
            AUDIT_EVENTS.ACTOR_LABEL,
            AUDIT_EVENTS.SUBJECT_EMAIL,
            AUDIT_EVENTS.CLIENT_ADDRESS,
            AUDIT_EVENTS.DETAILS);
    String escaped =
        word.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    var pattern = DSL.inline("%" + escaped + "%");
    return DSL.or(searched.stream().map(f -> DSL.lower(f).like(pattern, '!')).toList());
  }
}
