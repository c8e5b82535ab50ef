package com.siali.label.persistence;

import com.siali.label.model.UserSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One immutable copy of the search terms and of the held sort orders, all read at one version of the data
 * ({@link PeopleSearchIndex} decides when it may be used).
 */
final class PeopleSearchCopy {
  /** The ids of every account in one order, and for each id its position in it (-1: no such account). */
  private record SortOrder(int[] ids, int[] rank) {}

  private final long version;
  /** The distinct terms in {@link String#compareTo} order, which the prefix search relies on. */
  private final String[] terms;
  /** For each term, the ascending ids of the accounts that have it. */
  private final int[][] idsOfTerm;
  private final Map<UserSort, SortOrder> orders;

  private PeopleSearchCopy(long version, String[] terms, int[][] idsOfTerm, Map<UserSort, SortOrder> orders) {
    this.version = version;
    this.terms = terms;
    this.idsOfTerm = idsOfTerm;
    this.orders = orders;
  }

  long version() {
    return version;
  }

  /** The ids of the accounts with a term starting with each word, intersected (the narrowest word first). */
  BitSet matching(List<String> longestFirst) {
    BitSet result = null;
    for (String word : longestFirst) {
      BitSet ids = startingWith(word);
      if (result == null) {
        result = ids;
      } else {
        result.and(ids);
      }
      if (result.isEmpty()) {
        break;
      }
    }
    return result;
  }

  private BitSet startingWith(String word) {
    int at = Arrays.binarySearch(terms, word);
    if (at < 0) {
      at = -at - 1; // the first term after the word: the terms starting with it, if any, follow here
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
   * The ids of one page of {@code matches} in {@code sort} order (ties by id, as the database orders them), or
   * null when this order is not held. A small match is sorted by position; a large one is picked by walking the
   * order, which stops when the page is full.
   */
  List<Long> page(BitSet matches, UserSort sort, boolean descending, int offset, int limit) {
    SortOrder order = orders.get(sort);
    if (order == null) {
      return null;
    }
    int count = matches.cardinality();
    List<Long> page = new ArrayList<>(Math.min(limit, Math.max(0, count - offset)));
    if (count < order.ids().length / 16) {
      int[] positions = matches.stream().map(id -> id < order.rank().length ? order.rank()[id] : -1)
          .filter(position -> position >= 0).sorted().toArray();
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

  /** Reads a copy on {@code connection}, streaming the rows (H2's lazy execution) instead of buffering them. */
  static PeopleSearchCopy read(Connection connection, long version) throws SQLException {
    try (Statement settings = connection.createStatement()) {
      settings.execute("SET LAZY_QUERY_EXECUTION TRUE");
      try {
        List<String> terms = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        readTerms(connection, terms, ids);
        Map<UserSort, SortOrder> orders = new EnumMap<>(UserSort.class);
        orders.put(UserSort.NAME, readOrder(connection, "sort_name"));
        orders.put(UserSort.EMAIL, readOrder(connection, "email"));
        orders.put(UserSort.DATE_JOINED, readOrder(connection, "date_joined"));
        return inJavaOrder(version, terms, ids, orders);
      } finally {
        settings.execute("SET LAZY_QUERY_EXECUTION FALSE");
      }
    }
  }

  /** Off the primary key (term, user_id), which is this order. */
  private static void readTerms(Connection connection, List<String> terms, List<int[]> ids) throws SQLException {
    try (PreparedStatement all = connection.prepareStatement(
            "SELECT term, user_id FROM user_search_terms ORDER BY term, user_id");
        ResultSet rows = all.executeQuery()) {
      IntList ofTerm = new IntList();
      String term = null;
      while (rows.next()) {
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
  }

  /** The same order as UserPageQuery's walk of the sort index: the key, then the id. */
  private static SortOrder readOrder(Connection connection, String column) throws SQLException {
    IntList inOrder = new IntList();
    int maxId = 0;
    try (PreparedStatement all = connection.prepareStatement("SELECT id FROM users ORDER BY " + column + ", id");
        ResultSet rows = all.executeQuery()) {
      while (rows.next()) {
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

  /**
   * The database's order is {@link String#compareTo}'s for our terms (letters and digits, compared by code unit);
   * should a collation ever differ, the terms are merged and sorted here rather than searched wrongly.
   */
  private static PeopleSearchCopy inJavaOrder(
      long version, List<String> terms, List<int[]> ids, Map<UserSort, SortOrder> orders) {
    boolean ordered = true;
    for (int i = 1; i < terms.size() && ordered; i++) {
      ordered = terms.get(i - 1).compareTo(terms.get(i)) < 0;
    }
    if (ordered) {
      return new PeopleSearchCopy(version, terms.toArray(String[]::new), ids.toArray(int[][]::new), orders);
    }
    TreeMap<String, int[]> merged = new TreeMap<>();
    for (int i = 0; i < terms.size(); i++) {
      merged.merge(terms.get(i), ids.get(i),
          (a, b) -> IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray());
    }
    return new PeopleSearchCopy(
        version, merged.keySet().toArray(String[]::new), merged.values().toArray(int[][]::new), orders);
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
