package com.siali.label.model;

import java.util.Objects;

/**
 * One page of the People list: an optional search text (each word must start a word of the person's
 * name or email), which accounts (all, active, deactivated), an order, and the window.
 */
public record UserQuery(
    String search, UserSort sort, boolean descending, int offset, int limit, UserStatus status) {
  public static final int MAX_LIMIT = 500;

  public UserQuery {
    search = search == null ? "" : search.strip();
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(status, "status");
    if (offset < 0) {
      throw new ValidationException("offset", "offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** Every account, active or not. */
  public UserQuery(String search, UserSort sort, boolean descending, int offset, int limit) {
    this(search, sort, descending, offset, limit, UserStatus.ALL);
  }

  public static UserQuery firstPage(String search, int limit) {
    return new UserQuery(search, UserSort.NAME, false, 0, limit);
  }
}
