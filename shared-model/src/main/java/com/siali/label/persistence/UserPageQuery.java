package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.USERS;
import static com.siali.label.persistence.jooq.Tables.USER_SEARCH_TERMS;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * One page of the People list, fast at 100 000 accounts (figures in docs/PERFORMANCE.md).
 *
 * <p>Without search text the page is read straight off the sort index. With search text:
 *
 * <ol>
 *   <li>each word's matching account ids come from an index-only range scan of {@code user_search_terms}
 *       ({@code term LIKE 'word%'}); the sets are intersected here, and the result's size is the total;
 *   <li>a small result is fetched and sorted by primary key lookups;
 *   <li>a large one (a first keystroke such as "a" matches a fifth of everyone) is paged by walking the covering
 *       sort index in chunks and keeping the ids in the set, which stops as soon as the page is full instead of
 *       fetching and sorting every match.
 * </ol>
 */
final class UserPageQuery {
  /** Below this many matches, looking each one up and sorting beats walking the sort index. */
  static final int DIRECT_LOOKUP_LIMIT = 2_000;
  private static final int WALK_CHUNK = 4_096;

  private UserPageQuery() {}

  static Page<User> run(DSLContext ctx, UserQuery query) {
    List<String> words = SearchText.words(query.search());
    if (words.isEmpty()) {
      List<User> items = ctx.selectFrom(USERS).orderBy(order(query)).limit(query.limit()).offset(query.offset())
          .fetch(UserRepository::toUser);
      return new Page<>(items, ctx.fetchCount(USERS), query.offset(), query.limit());
    }
    Set<Long> matches = matchingIds(ctx, words);
    List<Long> pageIds = matches.size() <= DIRECT_LOOKUP_LIMIT
        ? ctx.select(USERS.ID).from(USERS).where(USERS.ID.in(matches)).orderBy(order(query))
            .limit(query.limit()).offset(query.offset()).fetch(USERS.ID)
        : walkSortIndex(ctx, query, matches);
    return new Page<>(fetchInOrder(ctx, pageIds), matches.size(), query.offset(), query.limit());
  }

  private static Set<Long> matchingIds(DSLContext ctx, List<String> words) {
    List<Set<Long>> perWord = new ArrayList<>();
    for (String word : words) {
      perWord.add(new HashSet<>(ctx.selectDistinct(USER_SEARCH_TERMS.USER_ID).from(USER_SEARCH_TERMS)
          .where(USER_SEARCH_TERMS.TERM.startsWith(word)).fetch(USER_SEARCH_TERMS.USER_ID)));
    }
    perWord.sort(Comparator.comparingInt(Set::size));
    Set<Long> result = perWord.getFirst();
    for (Set<Long> other : perWord.subList(1, perWord.size())) {
      result.retainAll(other);
    }
    return result;
  }

  private static List<Long> walkSortIndex(DSLContext ctx, UserQuery query, Set<Long> matches) {
    List<Long> page = new ArrayList<>(query.limit());
    int skipped = 0;
    for (int chunkStart = 0; page.size() < query.limit(); chunkStart += WALK_CHUNK) {
      List<Long> chunk = ctx.select(USERS.ID).from(USERS).orderBy(order(query))
          .limit(WALK_CHUNK).offset(chunkStart).fetch(USERS.ID);
      for (Long id : chunk) {
        if (!matches.contains(id)) {
          continue;
        }
        if (skipped < query.offset()) {
          skipped++;
        } else if (page.size() < query.limit()) {
          page.add(id);
        }
      }
      if (chunk.size() < WALK_CHUNK) {
        break;
      }
    }
    return page;
  }

  private static List<User> fetchInOrder(DSLContext ctx, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, User> byId = ctx.selectFrom(USERS).where(USERS.ID.in(ids)).fetch(UserRepository::toUser).stream()
        .collect(Collectors.toMap(User::id, Function.identity()));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private static List<SortField<?>> order(UserQuery query) {
    Field<?> key = switch (query.sort()) {
      case NAME -> USERS.SORT_NAME;
      case EMAIL -> USERS.EMAIL;
      case LAST_ACTIVITY -> USERS.LAST_ACTIVITY;
      case DATE_JOINED -> USERS.DATE_JOINED;
    };
    return query.descending() ? List.of(key.desc(), USERS.ID.desc()) : List.of(key.asc(), USERS.ID.asc());
  }
}
