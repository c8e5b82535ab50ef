package com.siali.label.persistence;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The sequences of the changes this process wrote and already delivered, so that its follower does
 * not deliver them again when it reads them in the log. Bounded: the oldest are forgotten first (a
 * change delivered twice does no harm, each listener drops or reloads).
 */
final class OwnChanges {
  private static final int LIMIT = 10_000;
  private final Set<Long> sequences = new HashSet<>();
  private final ArrayDeque<Long> order = new ArrayDeque<>();

  synchronized void add(long sequence) {
    if (sequences.add(sequence)) {
      order.addLast(sequence);
      if (order.size() > LIMIT) {
        sequences.remove(order.removeFirst());
      }
    }
  }

  synchronized boolean remove(long sequence) {
    return sequences.remove(sequence);
  }
}
