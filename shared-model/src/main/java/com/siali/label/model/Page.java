package com.siali.label.model;

import java.util.List;

/** A window of results and how many there are in all. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return offset + items.size() < total;
  }
}
