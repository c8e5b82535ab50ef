package com.siali.label.search;

import static com.siali.label.persistence.jooq.Tables.USERS;

import com.siali.label.model.Page;
import com.siali.label.model.SearchText;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.UserStatus;
import com.siali.label.persistence.UserRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * One page of the People list, fast at 100 000 accounts (figures in docs/PERFORMANCE.md).
 *
 * <p>Without search text the page is read straight off the sort index. With search text:
 *
 * <ol>
 *   <li>each word's matching account ids come from the in-memory copy of the terms ({@link
 *       PeopleSearchIndex}); while that is stale or not yet built, from an index-only range scan of
 *       {@code user_search_terms} ({@code term >= word AND term < word + U+FFFF}). The sets are
 *       intersected; the result's size is the total;
 *   <li>the page is picked from the copy's sort order when it holds that order (all but last
 *       activity). Otherwise the database orders: a small result is fetched and sorted by primary
 *       key lookups; a large one (a first keystroke such as "a" matches a fifth of everyone) is
 *       paged by walking the covering sort index in chunks and keeping the ids in the set, which
 *       stops as soon as the page is full instead of fetching and sorting every match.
 * </ol>
 */
final class UserPageQuery {
  /** Below this many matches, looking each one up and sorting beats walking the sort index. */
  static final int DIRECT_LOOKUP_LIMIT = 2_000;

  static final int WALK_CHUNK = 4_096;
  private static final int MAX_WALK_CHUNK = 1 << 20;

  private UserPageQuery() {}

  static Page<User> run(DSLContext ctx, PeopleSearchIndex searchIndex, UserQuery query) {
    List<String> words = SearchText.words(query.search());
    PeopleSearchCopy copy = words.isEmpty() ? searchIndex.currentIfBuilt() : searchIndex.current();
    // Without words the list is everyone: from the copy in the order it holds (a search cleared
    // back to nothing), else straight off the sort index.
    if (words.isEmpty() && (copy == null || query.sort() != UserSort.NAME)) {
      Condition shown = shown(query.status());
      List<User> items =
          ctx.selectFrom(USERS)
              .where(shown)
              .orderBy(order(query))
              .limit(query.limit())
              .offset(query.offset())
              .fetch(UserRepository::toUser);
      long total =
          query.status() == UserStatus.ALL ? ctx.fetchCount(USERS) : ctx.fetchCount(USERS, shown);
      return new Page<>(items, total, query.offset(), query.limit());
    }
    // The longest word first, being the likeliest to be the narrowest (an empty set ends the
    // reading).
    List<String> longestFirst =
        words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    BitSet matches = copy != null ? copy.matching(longestFirst) : matchingIds(ctx, longestFirst);
    keepStatus(ctx, matches, query.status());
    int total = matches.cardinality();
    List<Long> pageIds =
        copy == null
            ? null
            : copy.page(matches, query.sort(), query.descending(), query.offset(), query.limit());
    if (pageIds == null) {
      pageIds =
          total <= DIRECT_LOOKUP_LIMIT
              ? ctx.select(USERS.ID)
                  .from(USERS)
                  .where(USERS.ID.in(matches.stream().mapToObj(Long::valueOf).toList()))
                  .orderBy(order(query))
                  .limit(query.limit())
                  .offset(query.offset())
                  .fetch(USERS.ID)
              : walkSortIndex(ctx, query, matches);
    }
    return new Page<>(
        fetchInOrder(ctx, searchIndex.rows(), pageIds), total, query.offset(), query.limit());
  }

  /**
   * Narrows a search's match set to the accounts of {@code status}, before the total is counted and
   * the page picked, so that both count only what is shown. Deactivated accounts are few (people
   * who left), so the filter reads their ids ({@code SELECT id FROM users WHERE NOT is_active}, one
   * pass over the table's rows and a handful of ids, without a new index or a column in the
   * in-memory copy, which would then go stale with every (de)activation) and intersects or
   * subtracts them in memory; the rest of the query (the copy's order, the direct lookup, the
   * sort-index walk) works on the narrowed set unchanged. Without a filter nothing is read.
   */
  private static void keepStatus(DSLContext ctx, BitSet matches, UserStatus status) {
    if (status == UserStatus.ALL || matches.isEmpty()) {
      return;
    }
    BitSet deactivated = new BitSet();
    ctx.select(USERS.ID)
        .from(USERS)
        .where(USERS.IS_ACTIVE.isFalse())
        .fetch(USERS.ID)
        .forEach(id -> deactivated.set(Math.toIntExact(id)));
    if (status == UserStatus.ACTIVE) {
      matches.andNot(deactivated);
    } else {
      matches.and(deactivated);
    }
  }

  private static Condition shown(UserStatus status) {
    return switch (status) {
      case ALL -> DSL.noCondition();
      case ACTIVE -> USERS.IS_ACTIVE.isTrue();
      case DEACTIVATED -> USERS.IS_ACTIVE.isFalse();
    };
  }

  /**
   * The ids of the accounts with a term starting with every word. Read with plain JDBC into bit
   * sets: a first keystroke such as "l" matches most of a team (domains, surnames), and jOOQ's
   * record per row made reading those ids cost ~1 µs each (120 ms at 100 000 accounts).
   */
  private static BitSet matchingIds(DSLContext ctx, List<String> longestFirst) {
    return lazily(
        ctx,
        connection -> {
          try (PreparedStatement byPrefix =
              connection.prepareStatement(
                  "SELECT user_id FROM user_search_terms WHERE term >= ? AND term < ?")) {
            return WordMatches.allOf(
                longestFirst,
                word -> {
                  BitSet ids = new BitSet();
                  byPrefix.setString(1, word);
                  // Terms are letters and digits (SearchText), so no term holds U+FFFF after the
                  // prefix.
                  byPrefix.setString(2, word + Character.MAX_VALUE);
                  try (ResultSet rows = byPrefix.executeQuery()) {
                    while (rows.next()) {
                      ids.set(Math.toIntExact(rows.getLong(1)));
                    }
                  }
                  return ids;
                });
          }
        });
  }

  /**
   * The page of a large match: the sort index is read in order, keeping the ids in the match, until
   * the page is full. Chunks grow (4 096, 8 192, …) so that a page far down the order ("grace"
   * sorts after a third of everyone) costs a few offset skips, not one per 4 096 rows.
   */
  private static List<Long> walkSortIndex(DSLContext ctx, UserQuery query, BitSet matches) {
    String idsInOrder =
        "SELECT id FROM users ORDER BY "
            + sortColumn(query)
            + (query.descending() ? " DESC" : "")
            + ", id"
            + (query.descending() ? " DESC" : "")
            + " LIMIT ? OFFSET ?";
    return ctx.connectionResult(
        connection -> {
          List<Long> page = new ArrayList<>(query.limit());
          try (PreparedStatement chunkQuery = connection.prepareStatement(idsInOrder)) {
            int skipped = 0;
            int chunkSize = WALK_CHUNK;
            for (int chunkStart = 0;
                page.size() < query.limit();
                chunkStart += chunkSize, chunkSize = Math.min(chunkSize * 2, MAX_WALK_CHUNK)) {
              chunkQuery.setInt(1, chunkSize);
              chunkQuery.setInt(2, chunkStart);
              int read = 0;
              try (ResultSet rows = chunkQuery.executeQuery()) {
                while (rows.next() && page.size() < query.limit()) {
                  read++;
                  long id = rows.getLong(1);
                  if (!matches.get(Math.toIntExact(id))) {
                    continue;
                  }
                  if (skipped < query.offset()) {
                    skipped++;
                  } else {
                    page.add(id);
                  }
                }
              }
              if (read < chunkSize && page.size() < query.limit()) {
                break; // the end of the table
              }
            }
          }
          return page;
        });
  }

  /**
   * Runs JDBC work with H2's lazy query execution: rows stream off the index as they are read,
   * instead of first being copied into a result in memory. A broad word reads 100 000 index
   * entries; copied, each became objects for the garbage collector: with the application's heap
   * (serial collector, 512 MB) "l" took 25 ms, "ada l" 35 ms; streamed, 20 and 19 ms. (The
   * sort-index walk reads with OFFSET, where this gains nothing.)
   */
  private static <T> T lazily(DSLContext ctx, ConnectionCallable<T> work) {
    return ctx.connectionResult(
        connection -> {
          try (var _ = new LazyReading(connection)) {
            return work.run(connection);
          }
        });
  }

  private static String sortColumn(UserQuery query) {
    return switch (query.sort()) {
      case NAME -> "sort_name";
      case EMAIL -> "email";
      case LAST_ACTIVITY -> "last_activity";
      case DATE_JOINED -> "date_joined";
    };
  }

  /**
   * The rows of {@code ids} in that order: from memory where held ({@link PeopleRows}), the rest
   * from the database (plain JDBC), and those are then held too.
   */
  private static List<User> fetchInOrder(DSLContext ctx, PeopleRows rows, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> missing = new ArrayList<>();
    Map<Long, User> byId;
    try (PeopleRows.Read read = rows.startReading()) {
      byId =
          rows.held(ids, missing).stream().collect(Collectors.toMap(User::id, Function.identity()));
      if (!missing.isEmpty()) {
        List<User> fetched =
            ctx.connectionResult(connection -> UserRepository.byIds(connection, missing));
        fetched.forEach(user -> byId.put(user.id(), user));
        read.keep(fetched);
      }
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static List<SortField<?>> order(UserQuery query) {
    Field<?> key =
        switch (query.sort()) {
          case NAME -> USERS.SORT_NAME;
          case EMAIL -> USERS.EMAIL;
          case LAST_ACTIVITY -> USERS.LAST_ACTIVITY;
          case DATE_JOINED -> USERS.DATE_JOINED;
        };
    return query.descending()
        ? List.of(key.desc(), USERS.ID.desc())
        : List.of(key.asc(), USERS.ID.asc());
  }
}
