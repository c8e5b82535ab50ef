package com.siali.label.service;

import com.siali.label.model.User;
import com.siali.label.security.Tokens;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Valid API tokens and the active accounts they belong to, so that a token-authenticated request
 * needs no database round trip (ADR 0009). An entry is dropped when anything about its account
 * changes (row or token, reported by {@code ChangeFeed} after the commit), and a load that raced
 * with such a change is not stored: a reader takes {@link #generation()} before reading the
 * database and {@link #remember} refuses the result if a change was reported since. Only valid
 * tokens of active accounts are stored, at most one per account (an account has one token), so the
 * cache cannot grow beyond the accounts that exist.
 */
final class ApiTokenCache {
  private record Entry(String token, User user) {}

  /** By the token's SHA-256 digest: a lookup compares digests, never the secret itself. */
  private final ConcurrentHashMap<String, Entry> byDigest = new ConcurrentHashMap<>();

  private long generation; // guarded by this

  /** The account of {@code token} if it is cached; never touches the database. */
  Optional<User> find(String token) {
    Entry entry = byDigest.get(Tokens.sha256Hex(token));
    return entry != null && Tokens.constantTimeEquals(entry.token(), token)
        ? Optional.of(entry.user())
        : Optional.empty();
  }

  /** Taken before reading the database; see {@link #remember}. */
  synchronized long generation() {
    return generation;
  }

  /**
   * Stores what was read after {@code readAt}, unless an account changed in between (the read may
   * be stale).
   */
  synchronized void remember(long readAt, String token, User user) {
    if (readAt == generation && user.active()) {
      byDigest.put(Tokens.sha256Hex(token), new Entry(token, user));
    }
  }

  /** The account's row or token changed (and the change is committed). */
  synchronized void forget(long userId) {
    generation++;
    byDigest.values().removeIf(entry -> entry.user().id() == userId);
  }

  /** Changes may have been missed (ADR 0014): nothing cached can be trusted. */
  synchronized void forgetAll() {
    generation++;
    byDigest.clear();
  }
}
