package com.siali.label.persistence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of what People search reads: the search terms, each with its account ids, and the orders by
 * name, email and date joined ({@link PeopleSearchCopy}). A first keystroke such as "l" matches most of a team;
 * read from the database that was 100 000 index entries and 20–30 ms once the JIT had compiled the loop, 100–200
 * ms in the first seconds of a process. Here it is a binary search and a union of int arrays, and the page is
 * picked from an int array in sort order.
 *
 * <p>A copy is never updated in place. A write of search terms makes it stale, and a stale copy is not used:
 * {@link UserPageQuery} then reads the database, as it always can, while a new copy is built in the background.
 * Staleness is a version number: every write of terms bumps it inside its transaction <em>and</em> again after
 * the commit, and a copy is used only while the version it was read at is the current one. So no search sees a
 * copy older than a committed change, even one whose build raced with that change. The held orders change with
 * the same writes as the terms (creating, renaming, deleting an account), which are rare next to searching;
 * last activity, which changes with every request, is not held.
 *
 * <p>At 100 000 accounts a copy takes about 10 MB and is built in about 0.3 s. The first search of a process
 * starts a build; the console starts one when People first shows.
 */
public final class PeopleSearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeopleSearchIndex.class);

  private final DSLContext dsl;
  private final AtomicLong version = new AtomicLong();
  private final AtomicBoolean buildQueued = new AtomicBoolean();
  private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "people-search-index");
    thread.setDaemon(true);
    return thread;
  });
  private volatile PeopleSearchCopy copy;

  PeopleSearchIndex(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Called by the repository inside every transaction that writes search terms or a held order's keys. */
  void termsChanging() {
    version.incrementAndGet();
    Database.afterCommit(version::incrementAndGet);
  }

  /** The current copy; null when there is none, in which case one is being built and the caller reads the database. */
  PeopleSearchCopy current() {
    PeopleSearchCopy current = copy;
    if (current == null || current.version() != version.get()) {
      buildInBackground();
      return null;
    }
    return current;
  }

  /** Whether a search now would use the copy (for tests and benchmarks). */
  boolean isCurrent() {
    PeopleSearchCopy current = copy;
    return current != null && current.version() == version.get();
  }

  /** Starts a build on the index's own thread, unless one is already waiting to run. */
  private void buildInBackground() {
    if (buildQueued.compareAndSet(false, true)) {
      try {
        builder.execute(() -> {
          buildQueued.set(false);
          try {
            build();
          } catch (RuntimeException e) {
            // The database closed under it, or a read failed: searches go on reading the database.
            LOG.debug("people search index not built: {}", e.getMessage());
          }
        });
      } catch (RejectedExecutionException closed) {
        buildQueued.set(false);
      }
    }
  }

  /** Builds a copy now, on this thread, unless the current one is up to date. */
  public synchronized void build() {
    long readAt = version.get();
    PeopleSearchCopy current = copy;
    if (current != null && current.version() == readAt) {
      return;
    }
    long start = System.nanoTime();
    copy = dsl.connectionResult(connection -> PeopleSearchCopy.read(connection, readAt));
    LOG.debug("people search index built in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** Stops building; a build under way ends with the database. */
  @Override
  public void close() {
    builder.shutdownNow();
  }
}
