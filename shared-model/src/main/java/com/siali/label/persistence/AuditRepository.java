package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENTS;
import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENT_WORDS;
import static com.siali.label.persistence.jooq.Tables.AUDIT_WORDS_PENDING;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditCursor;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditQuery;
import com.siali.label.persistence.AuditSearchWords.Part;
import com.siali.label.persistence.jooq.tables.records.AuditEventsRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The audit log, {@code audit_events} (ADR 0021). Appended in the caller's transaction, with an
 * {@code AUDIT_RECORDED} change so that an open History screen hears of it; read newest first in
 * pages by the key (time, id), each filter on an index that ends in that key. A search word also
 * has its words in {@code audit_event_words}, by which a rare one is found without walking the log.
 * An event's words are written soon after it ({@link AuditWordIndexer}); until then it is listed in
 * {@code audit_words_pending}, and a search by words reads the listed events too.
 */
public final class AuditRepository {
  /**
   * A beginning of words (the last part of a word being typed) with fewer stored occurrences than
   * this is read from the word index and its entries sorted; a commoner one by walking the log
   * newest first, where its matches are dense enough to fill a page soon.
   */
  private static final int RARE = 5_000;

  /** How far a whole word's occurrences are counted to compare it with the search's other parts. */
  private static final int COUNTED = 20_000;

  /** A whole word's entries are read newest first in batches, the first this large. */
  private static final int FIRST_BATCH = 200;

  /** ...and each next one twice the last, up to this. */
  private static final int LARGEST_BATCH = 6_400;

  /**
   * With more events than this waiting for their words (the indexer fell behind, or cannot write),
   * a search walks the log: every event is found there, with or without words.
   */
  private static final int MOST_WAITING = 1_000;

  private static final Comparator<AuditEntry> NEWEST_FIRST =
      Comparator.comparing(AuditEntry::time).thenComparing(AuditEntry::id).reversed();

  private final ChangeFeed changes;

  public AuditRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  /** What one event row holds besides its id. */
  public record Row(
      Instant time,
      Optional<Long> actorId,
      String actorLabel,
      AuditAction action,
      Optional<Long> subjectId,
      String subjectEmail,
      String clientAddress,
      String channel,
      boolean succeeded,
      String details) {}

  public long append(DSLContext ctx, Row row) {
    String actor = clip(row.actorLabel(), 254);
    String subject = clip(row.subjectEmail(), 254);
    String address = clip(row.clientAddress(), 64);
    String details = clip(row.details(), 500);
    var fields =
        new AuditEventInsert.Fields(
            UserRepository.at(row.time()),
            row.actorId(),
            actor,
            row.action().wireName(),
            row.subjectId(),
            subject,
            address,
            clip(row.channel(), 20),
            row.succeeded(),
            details);
    long id = ctx.connectionResult(c -> AuditEventInsert.insert(c, fields));
    changes.record(ctx, ChangeKind.AUDIT_RECORDED, id);
    return id;
  }

  /**
   * One page for {@code query}, newest first, plus one more row if there is one (so the caller
   * knows whether an older page exists). A person is an actor or a subject: two index range scans,
   * merged here, instead of one {@code OR} that no index serves in key order.
   */
  public List<AuditEntry> page(DSLContext ctx, AuditQuery query) {
    int wanted = query.limit() + 1;
    if (!AuditConditions.searchWords(query).isEmpty()) {
      // Read before the word index: the indexer may take an event off the list meanwhile, and then
      // the word index has it.
      List<Long> waiting = waitingForWords(ctx);
      Optional<Part> rare =
          waiting.size() > MOST_WAITING ? Optional.empty() : searchPartToRead(ctx, query, wanted);
      if (rare.isPresent()) {
        List<AuditEntry> indexed = byWord(ctx, query, rare.get(), wanted);
        if (waiting.isEmpty()) {
          return indexed;
        }
        List<Condition> where = AuditConditions.filtersAndPerson(query);
        where.add(AUDIT_EVENTS.ID.in(waiting));
        return newestOfBoth(read(ctx, where, Optional.empty(), wanted), indexed, wanted);
      }
    }
    Optional<Field<?>> byAction =
        query.action().isPresent() ? Optional.of(AUDIT_EVENTS.ACTION) : Optional.empty();
    if (query.person().isEmpty()) {
      return read(ctx, AuditConditions.filters(query), byAction, wanted);
    }
    long person = query.person().get();
    List<Condition> asSubject = AuditConditions.filters(query);
    asSubject.add(AUDIT_EVENTS.SUBJECT_ID.eq(person));
    List<Condition> asActor = AuditConditions.filters(query);
    asActor.add(AUDIT_EVENTS.ACTOR_ID.eq(person));
    asActor.add(AUDIT_EVENTS.SUBJECT_ID.isNull().or(AUDIT_EVENTS.SUBJECT_ID.ne(person)));
    List<AuditEntry> merged =
        new ArrayList<>(
            read(ctx, asSubject, byAction.or(() -> Optional.of(AUDIT_EVENTS.SUBJECT_ID)), wanted));
    merged.addAll(
        read(ctx, asActor, byAction.or(() -> Optional.of(AUDIT_EVENTS.ACTOR_ID)), wanted));
    merged.sort(NEWEST_FIRST);
    return merged.size() > wanted ? List.copyOf(merged.subList(0, wanted)) : merged;
  }

  /**
   * The events whose words are not written yet (a few, the newest), up to one more than {@link
   * #MOST_WAITING}.
   */
  private static List<Long> waitingForWords(DSLContext ctx) {
    return ctx.select(AUDIT_WORDS_PENDING.EVENT_ID)
        .from(AUDIT_WORDS_PENDING)
        .limit(MOST_WAITING + 1)
        .fetch(AUDIT_WORDS_PENDING.EVENT_ID);
  }

  /** The newest {@code limit} of two pages, an event in both once. */
  private static List<AuditEntry> newestOfBoth(
      List<AuditEntry> some, List<AuditEntry> others, int limit) {
    var byId = new java.util.LinkedHashMap<Long, AuditEntry>();
    some.forEach(e -> byId.put(e.id(), e));
    others.forEach(e -> byId.putIfAbsent(e.id(), e));
    return byId.values().stream().sorted(NEWEST_FIRST).limit(limit).toList();
  }

  /**
   * Deletes the events older than {@code cutoff} and their search words; how many. A thousand at a
   * time, oldest first: each event's words are computed again from what it holds (as they were when
   * it was written) and deleted by their key, so the word index needs no index by time of its own,
   * which every audit write would pay for.
   */
  public int deleteBefore(DSLContext ctx, Instant cutoff) {
    int deleted = 0;
    while (true) {
      var batch =
          ctx.selectFrom(AUDIT_EVENTS)
              .where(AUDIT_EVENTS.OCCURRED_AT.lt(UserRepository.at(cutoff)))
              .orderBy(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ID)
              .limit(1_000)
              .fetch();
      if (batch.isEmpty()) {
        return deleted;
      }
      var ids = batch.map(AuditEventsRecord::getId);
      // First, so that an indexer writing some of these events' words has committed them (it holds
      // their rows) before they are deleted below.
      ctx.deleteFrom(AUDIT_WORDS_PENDING).where(AUDIT_WORDS_PENDING.EVENT_ID.in(ids)).execute();
      List<Condition> words = new ArrayList<>();
      for (AuditEventsRecord event : batch) {
        for (String word :
            AuditSearchWords.of(
                event.getActorLabel(),
                event.getSubjectEmail(),
                event.getClientAddress(),
                event.getDetails())) {
          words.add(
              AUDIT_EVENT_WORDS
                  .WORD
                  .eq(word)
                  .and(AUDIT_EVENT_WORDS.OCCURRED_AT.eq(event.getOccurredAt()))
                  .and(AUDIT_EVENT_WORDS.EVENT_ID.eq(event.getId())));
        }
      }
      var wordDeletes =
          words.stream().map(word -> ctx.deleteFrom(AUDIT_EVENT_WORDS).where(word)).toList();
      if (!wordDeletes.isEmpty()) {
        ctx.batch(wordDeletes).execute();
      }
      deleted += ctx.deleteFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ID.in(ids)).execute();
    }
  }

  /**
   * @param equalColumn a column the filter holds to one value, whose index ({@code (column,
   *     occurred_at, id)}) serves the page: it leads the order too, which changes nothing in the
   *     result but lets H2 read that index in order and stop after {@code limit} rows. Without it
   *     H2 sorts every matching row (1.5 s for one action at 1 000 000 events); PostgreSQL sees the
   *     same either way.
   */
  private static List<AuditEntry> read(
      DSLContext ctx, List<Condition> where, Optional<Field<?>> equalColumn, int limit) {
    List<SortField<?>> order = new ArrayList<>(3);
    equalColumn.ifPresent(column -> order.add(column.desc()));
    order.add(AUDIT_EVENTS.OCCURRED_AT.desc());
    order.add(AUDIT_EVENTS.ID.desc());
    return ctx.selectFrom(AUDIT_EVENTS).where(where).orderBy(order).limit(limit).fetch().stream()
        .flatMap(r -> toEntry(r).stream())
        .toList();
  }

  /**
   * The search part to read from the word index, if any. A whole word's entries are in time order,
   * a subset of the log's, so reading them never reads more than walking the log would and stops
   * once the page is full: the whole word with the fewest entries is the candidate however common
   * it is (counted up to {@link #COUNTED}; among words past that, the longest). A beginning of
   * words must have all its entries read and sorted, so it is a candidate only under {@link #RARE}.
   * Of the two, the beginning is read when its {@code n} entries cost less than the whole word's
   * expected read: with at most {@code n} matches among the whole word's {@code w} entries, about
   * {@code limit × w / n} of them are read before the page is full ({@code 192.168.7.}: the whole
   * word {@code 7}; {@code 192.168.166.17}: the run, ADR 0021). Empty without a search, or when its
   * only parts are common beginnings: then the page walks the log.
   */
  private static Optional<Part> searchPartToRead(DSLContext ctx, AuditQuery query, int limit) {
    Part whole = null;
    int wholeCount = Integer.MAX_VALUE;
    Part beginning = null;
    int beginningCount = Integer.MAX_VALUE;
    for (String word : AuditConditions.searchWords(query)) {
      for (Part part : AuditSearchWords.parts(word)) {
        int cap = part.whole() ? COUNTED : RARE;
        int count =
            ctx.fetchCount(
                ctx.selectOne()
                    .from(AUDIT_EVENT_WORDS)
                    .where(AuditConditions.isWord(part))
                    .limit(cap));
        if (part.whole()) {
          if (count < wholeCount
              || (count == wholeCount && part.text().length() > whole.text().length())) {
            whole = part;
            wholeCount = count;
          }
        } else if (count < cap && count < beginningCount) {
          beginning = part;
          beginningCount = count;
        }
      }
    }
    if (beginning == null || whole == null) {
      return Optional.ofNullable(beginning != null ? beginning : whole);
    }
    boolean wholeReadsLess = (long) beginningCount * beginningCount > (long) limit * wholeCount;
    return Optional.of(wholeReadsLess ? whole : beginning);
  }

  /**
   * A page of the events that hold {@code part}, read from the word index, each checked against
   * every filter and search word. A beginning of words may name one event through several words,
   * and its few entries (under {@link #RARE}) are read at once and sorted.
   */
  private static List<AuditEntry> byWord(DSLContext ctx, AuditQuery query, Part part, int limit) {
    List<Condition> where = AuditConditions.filtersAndPerson(query);
    if (part.whole()) {
      return byWholeWord(ctx, where, query, part, limit);
    }
    where.add(AuditConditions.isWord(part));
    var join =
        AUDIT_EVENT_WORDS.join(AUDIT_EVENTS).on(AUDIT_EVENTS.ID.eq(AUDIT_EVENT_WORDS.EVENT_ID));
    return ctx
        .selectDistinct(AUDIT_EVENTS.fields())
        .from(join)
        .where(where)
        .orderBy(AUDIT_EVENTS.OCCURRED_AT.desc(), AUDIT_EVENTS.ID.desc())
        .limit(limit)
        .fetchInto(AUDIT_EVENTS)
        .stream()
        .flatMap(r -> toEntry(r).stream())
        .toList();
  }

  /**
   * A whole word's entries are one key's range in (time, id) order: they are read newest first in
   * batches, each batch's events checked against {@code where}, until the page is full or the word
   * has no older entry. A join with a limit would say the same, but H2 reads every entry of the
   * word before it applies the limit (153 ms for {@code 192.168.7.} where PostgreSQL stops at 16
   * ms); in batches both backends stop where the page is full. Each batch is twice the last, so a
   * word whose entries rarely match still takes few round trips.
   */
  private static List<AuditEntry> byWholeWord(
      DSLContext ctx, List<Condition> where, AuditQuery query, Part part, int limit) {
    List<AuditEntry> page = new ArrayList<>(limit);
    Optional<AuditCursor> position = query.before();
    int batch = FIRST_BATCH;
    while (page.size() < limit) {
      List<Condition> range = new ArrayList<>();
      range.add(AUDIT_EVENT_WORDS.WORD.eq(part.text()));
      query
          .from()
          .ifPresent(t -> range.add(AUDIT_EVENT_WORDS.OCCURRED_AT.ge(UserRepository.at(t))));
      query.to().ifPresent(t -> range.add(AUDIT_EVENT_WORDS.OCCURRED_AT.lt(UserRepository.at(t))));
      position.ifPresent(
          c ->
              range.add(
                  AuditConditions.olderThan(
                      AUDIT_EVENT_WORDS.OCCURRED_AT, AUDIT_EVENT_WORDS.EVENT_ID, c)));
      var keys =
          ctx.select(AUDIT_EVENT_WORDS.OCCURRED_AT, AUDIT_EVENT_WORDS.EVENT_ID)
              .from(AUDIT_EVENT_WORDS)
              .where(range)
              .orderBy(AUDIT_EVENT_WORDS.OCCURRED_AT.desc(), AUDIT_EVENT_WORDS.EVENT_ID.desc())
              .limit(batch)
              .fetch();
      if (keys.isEmpty()) {
        break;
      }
      List<Condition> matching = new ArrayList<>(where);
      matching.add(AUDIT_EVENTS.ID.in(keys.getValues(AUDIT_EVENT_WORDS.EVENT_ID)));
      ctx.selectFrom(AUDIT_EVENTS).where(matching).fetch().stream()
          .flatMap(r -> toEntry(r).stream())
          .sorted(NEWEST_FIRST)
          .limit(limit - page.size())
          .forEach(page::add);
      if (keys.size() < batch) {
        break;
      }
      var last = keys.get(keys.size() - 1);
      position = Optional.of(new AuditCursor(last.value1().toInstant(), last.value2()));
      batch = Math.min(batch * 2, LARGEST_BATCH);
    }
    return page;
  }

  /** An action this version does not know (a newer one wrote it, ADR 0013) is left out. */
  private static Optional<AuditEntry> toEntry(AuditEventsRecord r) {
    return AuditAction.fromWireName(r.getAction())
        .map(
            action ->
                new AuditEntry(
                    r.getId(),
                    r.getOccurredAt().toInstant(),
                    Optional.ofNullable(r.getActorId()),
                    r.getActorLabel(),
                    action,
                    Optional.ofNullable(r.getSubjectId()),
                    r.getSubjectEmail(),
                    r.getClientAddress(),
                    r.getChannel(),
                    r.getSucceeded(),
                    r.getDetails()));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
