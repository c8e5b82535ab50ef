package com.siali.label.search;

import com.siali.label.model.User;
import com.siali.label.persistence.Change;
import com.siali.label.persistence.ChangeFeed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The People rows that pages have read, held in memory beside the search copy, so that a page seen
 * before is built without reading the database again: a first keystroke in a new process spent 7–44
 * ms fetching its page's 100 rows through jOOQ and H2 while that code was still interpreted. The
 * rows missing are read with plain JDBC ({@code UserRepository.byIds}), which has less code to warm
 * up.
 *
 * <p>Every row is read when a page first needs it, not all at once beside the copy's build: at 100
 * 000 accounts that read ran into the first keystrokes of a new window (0.4–0.8 s of young
 * collections on 2 cores, keystrokes of 84–240 ms in {@code tools/bench console}).
 *
 * <p>Unlike the copy, a row is kept right one account at a time: every committed change about an
 * account (its profile, picture, activity, state, deletion) forgets that account's row, through the
 * change feed, before the writing call returns (another process's change within the feed's poll),
 * and the next page reads it from the database again. A read of rows that a change raced with keeps
 * none of what it read of that account: each read notes the accounts forgotten while it ran and
 * drops them when it keeps the rest. When the feed may have missed changes, every row is forgotten.
 * The rows are packed ({@link PackedRows}): some 100 bytes an account.
 */
final class PeopleRows implements ChangeFeed.Listener {
  private final PackedRows rows = new PackedRows();

  /** The reads under way, each noting the accounts forgotten since it began. */
  private final Set<Read> reading = new HashSet<>();

  /** A read of rows under way: it keeps what it read with {@link #keep}; closing it ends it. */
  final class Read implements AutoCloseable {
    private final Set<Long> forgotten = new HashSet<>();
    private boolean everyoneForgotten;

    private Read() {}

    /** Keeps the rows read, less those of the accounts that changed since the read began. */
    void keep(List<User> read) {
      synchronized (PeopleRows.this) {
        if (everyoneForgotten) {
          return;
        }
        for (User user : read) {
          if (!forgotten.contains(user.id())) {
            rows.put(user);
          }
        }
      }
    }

    @Override
    public void close() {
      synchronized (PeopleRows.this) {
        reading.remove(this);
      }
    }
  }

  synchronized Read startReading() {
    Read read = new Read();
    reading.add(read);
    return read;
  }

  synchronized boolean holds(long id) {
    return rows.holds(id);
  }

  /**
   * The rows of {@code ids} held here, in that order; the missing ones are added to {@code
   * missing}.
   */
  synchronized List<User> held(List<Long> ids, List<Long> missing) {
    List<User> found = new ArrayList<>(ids.size());
    for (Long id : ids) {
      User user = rows.get(id);
      if (user == null) {
        missing.add(id);
      } else {
        found.add(user);
      }
    }
    return found;
  }

  @Override
  public void changed(Change change) {
    if (change.kind().aboutAnAccount()) {
      forget(change.subjectId());
    }
  }

  @Override
  public synchronized void resynchronise() {
    rows.clear();
    reading.forEach(read -> read.everyoneForgotten = true);
  }

  private synchronized void forget(long id) {
    rows.remove(id);
    reading.forEach(read -> read.forgotten.add(id));
  }
}
