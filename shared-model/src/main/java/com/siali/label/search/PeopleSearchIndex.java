package com.siali.label.search;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.Database;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of what People search reads: the search terms, each with its account ids, and
 * the order by name ({@link PeopleSearchCopy}). A first keystroke such as "l" matches most of a
 * team; read from the database that was 75 000 index entries, 18–26 ms once the JIT had compiled
 * the loop and 100–200 ms in the first seconds of a process. Here it is a binary search and a union
 * of int arrays, and the page is picked from an int array in name order.
 *
 * <p>A copy is never updated in place. A write of search terms makes it stale, and a stale copy is
 * not used: {@link UserPageQuery} then reads the database, as it always can, while a new copy is
 * built in the background. Staleness is a version number: every write of terms bumps it inside its
 * transaction <em>and</em> again after the commit, and a copy is used only while the version it was
 * read at is the current one. So no search sees a copy older than a committed change, even one
 * whose build raced with that change. The order by name changes with the same writes as the terms
 * (creating, renaming, deleting an account), which are rare next to searching.
 *
 * <p>At 100 000 accounts a copy takes about 10 MB; it is built in 0.5 s, 0.8 s in a process's first
 * seconds. The first search of a process starts a build; the console starts one when People first
 * shows. Beside it, the rows that pages have read are held in {@link PeopleRows}, which the change
 * feed keeps right one account at a time.
 */
public final class PeopleSearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeopleSearchIndex.class);

  private final DSLContext dsl;
  private final PeopleRows rows = new PeopleRows();
  private final AtomicLong version = new AtomicLong();
  private final AtomicBoolean buildQueued = new AtomicBoolean();
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "people-search-index");
            thread.setDaemon(true);
            return thread;
          });
  private volatile PeopleSearchCopy copy;
  private volatile boolean closing;

  PeopleSearchIndex(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The index of {@code db}, going stale with every write of search terms that {@code changes}
   * reports, and closed before the database's connections are.
   */
  public static PeopleSearchIndex following(Database db, ChangeFeed changes) {
    PeopleSearchIndex index = new PeopleSearchIndex(db.dsl());
    changes.subscribe(index.rows);
    changes.subscribeToSearchTerms(
        new ChangeFeed.SearchTermsListener() {
          @Override
          public void writing() {
            index.version.incrementAndGet();
          }

          @Override
          public void committed() {
            index.version.incrementAndGet();
          }
        });
    db.closeFirst(index);
    return index;
  }

  /**
   * One page of the People list, from this copy while it is current, else from the database. The
   * rows read from the database are then held in memory ({@link PeopleRows}), so {@code ctx} must
   * be a transaction that has written nothing.
   */
  public Page<User> page(DSLContext ctx, UserQuery query) {
    return UserPageQuery.run(ctx, this, query);
  }

  /**
   * The current copy; null when there is none, in which case one is being built and the caller
   * reads the database.
   */
  PeopleSearchCopy current() {
    PeopleSearchCopy current = copy;
    if (current == null || current.version() != version.get()) {
      buildInBackground();
      return null;
    }
    return current;
  }

  /** The accounts' rows held in memory, each kept right by the change feed. */
  PeopleRows rows() {
    return rows;
  }

  /**
   * The current copy, or null; unlike {@link #current()} it starts no build. The list without
   * search words reads the database well (the sort index), and the window's first page, read while
   * the window is being built, must not start a build that competes with it.
   */
  PeopleSearchCopy currentIfBuilt() {
    PeopleSearchCopy current = copy;
    return current != null && current.version() == version.get() ? current : null;
  }

  /** Whether a search now would use the copy (for tests and benchmarks). */
  boolean isCurrent() {
    return currentIfBuilt() != null;
  }

  /** Starts a build on the index's own thread, unless one is already waiting to run. */
  private void buildInBackground() {
    if (buildQueued.compareAndSet(false, true)) {
      try {
        builder.execute(
            () -> {
              buildQueued.set(false);
              try {
                build();
              } catch (RuntimeException e) {
                // The database closed under it, or a read failed: searches read the database.
                LOG.debug("people search index not built: {}", e.getMessage());
              }
            });
      } catch (RejectedExecutionException closed) {
        buildQueued.set(false);
      }
    }
  }

  /**
   * Builds a copy now, on this thread, unless the current one is up to date or the database is
   * closing.
   */
  public synchronized void build() {
    long readAt = version.get();
    PeopleSearchCopy current = copy;
    if (closing || (current != null && current.version() == readAt)) {
      return;
    }
    long start = System.nanoTime();
    // The order is read on a second connection and thread meanwhile (the terms are 5 rows per
    // account, so most of the work). Reading at two moments is safe: a write committed in between
    // has bumped the version past readAt, so this copy would not be used.
    FutureTask<PeopleSearchCopy.SortOrder> byName =
        new FutureTask<>(
            () ->
                dsl.connectionResult(
                    connection -> PeopleSearchCopy.readNameOrder(connection, this::closing)));
    Thread.ofPlatform().daemon().name("people-search-order").start(byName);
    PeopleSearchCopy.Terms terms;
    try {
      terms =
          dsl.connectionResult(connection -> PeopleSearchCopy.readTerms(connection, this::closing));
    } finally {
      awaitEnd(byName); // both reads end before the build does: close() waits for the build only
    }
    copy = new PeopleSearchCopy(readAt, terms, orderOf(byName));
    LOG.debug("people search index built in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  private boolean closing() {
    return closing;
  }

  private static void awaitEnd(FutureTask<?> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException failed) {
      // reported by orderOf, or superseded by the failure of the terms' read
    }
  }

  private static PeopleSearchCopy.SortOrder orderOf(FutureTask<PeopleSearchCopy.SortOrder> order) {
    try {
      return order.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the People order by name", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stops building, before the database closes: a build under way stops within a few thousand rows,
   * and this waits for it, so that no connection outlives the pool. (No interrupt: an interrupt
   * closes the file channel under H2.)
   */
  @Override
  public void close() {
    closing = true;
    builder.shutdown();
    synchronized (this) {
      // build() holds this lock while it reads; taking it waits for a build under way to end.
    }
  }
}
