package com.siali.label.search;

import com.siali.label.model.UserSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * One immutable copy of the search terms and of the order by name, read at one version of the data
 * ({@link PeopleSearchIndex} decides when it may be used).
 */
final class PeopleSearchCopy {
  /**
   * The ids of every account in one order, and for each id its position in it (-1: no such
   * account).
   */
  record SortOrder(int[] ids, int[] rank) {}

  /**
   * The terms in {@link String#compareTo} order, and for each the ascending ids of the accounts
   * that have it.
   */
  record Terms(String[] terms, int[][] ids) {}

  private final long version;

  /** The distinct terms in {@link String#compareTo} order, which the prefix search relies on. */
  private final String[] terms;

  /** For each term, the ascending ids of the accounts that have it. */
  private final int[][] idsOfTerm;

  /**
   * The order the list opens in and search-as-you-type keeps. The other orders are the person's
   * choice by a click on a column, paged by the database (10–15 ms at 100 000 accounts): holding
   * email and date joined too made a cold build 1.1–1.4 s instead of 0.8 s.
   */
  private final SortOrder byName;

  PeopleSearchCopy(long version, Terms terms, SortOrder byName) {
    this.version = version;
    this.terms = terms.terms();
    this.idsOfTerm = terms.ids();
    this.byName = byName;
  }

  long version() {
    return version;
  }

  /**
   * The ids of the accounts with a term starting with each word, intersected (the narrowest word
   * first).
   */
  BitSet matching(List<String> longestFirst) {
    return longestFirst.isEmpty()
        ? everyone()
        : WordMatches.allOf(longestFirst, this::startingWith);
  }

  /** The ids of every account (what no search words match). */
  private BitSet everyone() {
    BitSet ids = new BitSet(byName.rank().length);
    for (int id : byName.ids()) {
      ids.set(id);
    }
    return ids;
  }

  private BitSet startingWith(String word) {
    int at = Arrays.binarySearch(terms, word);
    if (at < 0) {
      at =
          -at - 1; // the first term after the word: the terms starting with it, if any, follow here
    }
    BitSet ids = new BitSet();
    for (int i = at; i < terms.length && terms[i].startsWith(word); i++) {
      for (int id : idsOfTerm[i]) {
        ids.set(id);
      }
    }
    return ids;
  }

  /**
   * The ids of one page of {@code matches} in {@code sort} order (ties by id, as the database
   * orders them), or null for an order not held here (all but by name). A small match is sorted by
   * position; a large one is picked by walking the order, which stops when the page is full.
   */
  List<Long> page(BitSet matches, UserSort sort, boolean descending, int offset, int limit) {
    if (sort != UserSort.NAME) {
      return null;
    }
    SortOrder order = byName;
    int count = matches.cardinality();
    List<Long> page = new ArrayList<>(Math.min(limit, Math.max(0, count - offset)));
    if (count < order.ids().length / 16) {
      int[] positions =
          matches.stream()
              .map(id -> id < order.rank().length ? order.rank()[id] : -1)
              .filter(position -> position >= 0)
              .sorted()
              .toArray();
      for (int i = offset; i < positions.length && page.size() < limit; i++) {
        page.add((long) order.ids()[positions[descending ? positions.length - 1 - i : i]]);
      }
      return page;
    }
    int skipped = 0;
    int[] ids = order.ids();
    for (int i = 0; i < ids.length && page.size() < limit; i++) {
      int id = ids[descending ? ids.length - 1 - i : i];
      if (matches.get(id)) {
        if (skipped < offset) {
          skipped++;
        } else {
          page.add((long) id);
        }
      }
    }
    return page;
  }

  /** Reads the terms off the primary key (term, user_id), which is their order. */
  static Terms readTerms(Connection connection, BooleanSupplier stop) throws SQLException {
    List<String> terms = new ArrayList<>();
    List<int[]> ids = new ArrayList<>();
    try (var _ = new LazyReading(connection);
        PreparedStatement all =
            connection.prepareStatement(
                "SELECT term, user_id FROM user_search_terms ORDER BY term, user_id");
        ResultSet rows = all.executeQuery()) {
      IntList ofTerm = new IntList();
      String term = null;
      for (int row = 0; rows.next(); row++) {
        stopIfAsked(stop, row);
        String next = rows.getString(1);
        if (!next.equals(term)) {
          if (term != null) {
            terms.add(term);
            ids.add(ofTerm.drain());
          }
          term = next;
        }
        ofTerm.add(Math.toIntExact(rows.getLong(2)));
      }
      if (term != null) {
        terms.add(term);
        ids.add(ofTerm.drain());
      }
    }
    return inJavaOrder(terms, ids);
  }

  /**
   * Reads the order by name as UserPageQuery's walk of the sort index has it: the key, then the id.
   */
  static SortOrder readNameOrder(Connection connection, BooleanSupplier stop) throws SQLException {
    IntList inOrder = new IntList();
    int maxId = 0;
    try (var _ = new LazyReading(connection);
        PreparedStatement all =
            connection.prepareStatement("SELECT id FROM users ORDER BY sort_name, id");
        ResultSet rows = all.executeQuery()) {
      for (int row = 0; rows.next(); row++) {
        stopIfAsked(stop, row);
        int id = Math.toIntExact(rows.getLong(1));
        inOrder.add(id);
        maxId = Math.max(maxId, id);
      }
    }
    int[] ids = inOrder.drain();
    int[] rank = new int[maxId + 1];
    Arrays.fill(rank, -1);
    for (int position = 0; position < ids.length; position++) {
      rank[ids[position]] = position;
    }
    return new SortOrder(ids, rank);
  }

  /** Every few thousand rows, ends a read that is no longer wanted (the database is closing). */
  private static void stopIfAsked(BooleanSupplier stop, int row) {
    if ((row & 4095) == 0 && stop.getAsBoolean()) {
      throw new CancellationException("the database is closing");
    }
  }

  /**
   * The database's order is {@link String#compareTo}'s for our terms (letters and digits, compared
   * by code unit); should a collation ever differ, the terms are merged and sorted here rather than
   * searched wrongly.
   */
  private static Terms inJavaOrder(List<String> terms, List<int[]> ids) {
    boolean ordered = true;
    for (int i = 1; i < terms.size() && ordered; i++) {
      ordered = terms.get(i - 1).compareTo(terms.get(i)) < 0;
    }
    if (ordered) {
      return new Terms(terms.toArray(String[]::new), ids.toArray(int[][]::new));
    }
    TreeMap<String, int[]> merged = new TreeMap<>();
    for (int i = 0; i < terms.size(); i++) {
      merged.merge(
          terms.get(i),
          ids.get(i),
          (a, b) -> IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray());
    }
    return new Terms(merged.keySet().toArray(String[]::new), merged.values().toArray(int[][]::new));
  }

  /** A growable int array, emptied into an exact-size copy. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] drain() {
      int[] exact = Arrays.copyOf(values, size);
      size = 0;
      return exact;
    }
  }
}
