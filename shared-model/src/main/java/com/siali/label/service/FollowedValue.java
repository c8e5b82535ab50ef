package com.siali.label.service;

import com.siali.label.persistence.Change;
import com.siali.label.persistence.ChangeFeed;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One value read from the database and kept in memory until the change feed says it may have
 * changed (ADR 0014): a change that {@code invalidates} it, or a resynchronisation. A read that
 * raced with such a change is returned to its caller but not kept, so the memory never holds a
 * value older than the last change delivered.
 */
final class FollowedValue<T> {
  /** The generation counts the invalidations; {@code known} is false until a read is kept. */
  private record State<T>(long generation, boolean known, T value) {}

  private final Supplier<T> read;
  private final AtomicReference<State<T>> state =
      new AtomicReference<>(new State<>(0, false, null));

  FollowedValue(ChangeFeed changes, Predicate<Change> invalidates, Supplier<T> read) {
    this.read = read;
    changes.subscribe(
        new ChangeFeed.Listener() {
          @Override
          public void changed(Change change) {
            if (invalidates.test(change)) {
              forget();
            }
          }

          @Override
          public void resynchronise() {
            forget();
          }
        });
  }

  T get() {
    State<T> seen = state.get();
    if (seen.known()) {
      return seen.value();
    }
    T fresh = read.get();
    // Kept only if nothing was invalidated since `seen`: the exact object is still there.
    state.compareAndSet(seen, new State<>(seen.generation(), true, fresh));
    return fresh;
  }

  /** Whether {@link #get} answers from memory, without the database. */
  boolean inMemory() {
    return state.get().known();
  }

  private void forget() {
    state.updateAndGet(s -> new State<>(s.generation() + 1, false, null));
  }
}
