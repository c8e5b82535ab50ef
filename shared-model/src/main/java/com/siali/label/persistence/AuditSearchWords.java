package com.siali.label.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the History search finds an audit event by (ADR 0021): lower-case runs of letters and
 * digits of its actor, subject, address and details. A search word is split the same way; every
 * part but the last is a whole word, and the last is a whole word too when punctuation follows it
 * ("user417@"), else the beginning of one ("user41" while typing).
 *
 * <p>Beside the words, the run from each word's start to the next space is kept when it holds
 * punctuation: "192.168.166.17", "168.166.17" and "166.17" for an address, "user417@example.com"
 * and "example.com" for an email. A search word with punctuation after its first word is then also
 * one beginning of such a run, which is rare where each of its words is common (every address holds
 * "192" and "168"). Every place where a search word begins a word and runs on without a space is
 * the start of one of these runs, so the runs beginning with it name every event that holds it so.
 */
public final class AuditSearchWords {
  public static final int MAX_WORD_LENGTH = 64;
  private static final int BATCH = 1_000;
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Where a run ends: the white space that splits a search into words ({@code \\s}). */
  private static final Pattern SPACE = Pattern.compile("\\s");

  private AuditSearchWords() {}

  /** One part of a search word: the text and whether it must be a whole word. */
  public record Part(String text, boolean whole) {}

  public static Set<String> of(String... texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (String word : SEPARATORS.split(lower)) {
        if (!word.isEmpty()) {
          words.add(clip(word));
        }
      }
      addRuns(lower, words);
    }
    return words;
  }

  /** The run from each word's start to the next space, when it goes on past the word. */
  private static void addRuns(String lower, Set<String> words) {
    var word = WORD.matcher(lower);
    var space = SPACE.matcher(lower);
    int runEnd = -1;
    while (word.find()) {
      if (runEnd < word.start()) {
        runEnd = space.find(word.start()) ? space.start() : lower.length();
      }
      if (runEnd > word.end()) {
        words.add(clip(lower.substring(word.start(), runEnd)));
      }
    }
  }

  /**
   * The parts of one search word (no white space in it), in order; none if it is all punctuation.
   */
  public static List<Part> parts(String searchWord) {
    String lower = searchWord.toLowerCase(Locale.ROOT);
    List<Part> parts = new ArrayList<>();
    var matcher = WORD.matcher(lower);
    while (matcher.find()) {
      boolean followedBySeparator = matcher.end() < lower.length();
      String text = matcher.group();
      // A part longer than a stored word was clipped when stored: it can only be a prefix now.
      parts.add(new Part(clip(text), followedBySeparator && text.length() <= MAX_WORD_LENGTH));
    }
    // A search word that begins with a word and goes on with punctuation begins a run (see the
    // class comment).
    var first = WORD.matcher(lower);
    Part run = new Part(clip(lower), false);
    if (first.lookingAt() && first.end() < lower.length() && !parts.contains(run)) {
      parts.add(run); // (not when clipping made it the first word's beginning again)
    }
    return parts;
  }

  /** An event's columns that {@link #addWordsOf} reads, in its order. */
  static final String EVENT_COLUMNS =
      "id, occurred_at, actor_label, subject_email, client_address, details";

  static final String INSERT_WORD =
      "INSERT INTO audit_event_words (word, occurred_at, event_id) VALUES (?, ?, ?)";

  /**
   * Writes the words of the events after {@code afterId} into {@code audit_event_words}, which must
   * hold none of them yet (the V8_2 migration; the benchmarks' seeded events), in batches; the
   * highest id indexed, or {@code afterId} when there was none.
   */
  public static long indexEventsAfter(Connection connection, long afterId) throws SQLException {
    long last = afterId;
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM audit_events WHERE id > ?");
        PreparedStatement insert = connection.prepareStatement(INSERT_WORD)) {
      select.setFetchSize(BATCH);
      select.setLong(1, afterId);
      try (ResultSet events = select.executeQuery()) {
        int pending = 0;
        while (events.next()) {
          last = Math.max(last, events.getLong(1));
          pending += addWordsOf(events, insert);
          if (pending >= BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
    }
    return last;
  }

  /**
   * Adds the words of the event on {@code events}' current row (its {@link #EVENT_COLUMNS}) to the
   * batch of {@code insert} ({@link #INSERT_WORD}); how many.
   */
  static int addWordsOf(ResultSet events, PreparedStatement insert) throws SQLException {
    int added = 0;
    for (String word :
        of(events.getString(3), events.getString(4), events.getString(5), events.getString(6))) {
      insert.setString(1, word);
      insert.setObject(2, events.getObject(2));
      insert.setLong(3, events.getLong(1));
      insert.addBatch();
      added++;
    }
    return added;
  }

  private static String clip(String word) {
    return word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word;
  }
}
