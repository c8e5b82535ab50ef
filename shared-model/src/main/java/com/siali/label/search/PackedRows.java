package com.siali.label.search;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.User;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Accounts' rows by id, packed: per account one string (email, names, phone, picture) and two longs
 * (the times). As {@link User} records they were about seven objects and 400 bytes an account, and
 * the serial collector copies each one that survives; packed they are two objects and about 100
 * bytes (every row of 100 000 accounts: some 10 MB). Not thread-safe: {@link PeopleRows} guards it.
 */
final class PackedRows {
  private static final char SEPARATOR = '\u0000';
  private static final byte HELD = 1;
  private static final byte ACTIVE = 2;
  private static final byte OWNER = 4;

  /**
   * Ids are dense (an identity column), so rows are held in arrays indexed by id; an id beyond
   * SPREAD times the rows held (or MIN_SLOTS) is not held rather than growing them without bound.
   */
  private static final int MIN_SLOTS = 1 << 16;

  private static final int SPREAD = 4;
  private static final long LAST_PACKABLE_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;

  private int held;
  private String[] texts = new String[0];
  private long[] joined = new long[0];
  private long[] activity = new long[0];
  private byte[] flags = new byte[0];

  /**
   * Holds {@code user}'s row. A row that cannot be packed (a separator in its text, a time past
   * 2262, an id far beyond the others) is not held: it is read from the database each time.
   */
  void put(User user) {
    long id = user.id();
    if (!packable(user) || id >= Math.max(MIN_SLOTS, SPREAD * (long) held)) {
      remove(id);
      return;
    }
    int at = (int) id;
    if (at >= flags.length) {
      grow(at);
    }
    if (!holds(at)) {
      held++;
    }
    texts[at] = pack(user);
    joined[at] = nanos(user.dateJoined());
    activity[at] = nanos(user.lastActivity());
    flags[at] = (byte) (HELD | (user.active() ? ACTIVE : 0) | (user.owner() ? OWNER : 0));
  }

  boolean holds(long id) {
    return id >= 0 && id < flags.length && (flags[(int) id] & HELD) != 0;
  }

  /** The row of {@code id}, or null when it is not held. */
  User get(long id) {
    if (!holds(id)) {
      return null;
    }
    int at = (int) id;
    String[] fields = texts[at].split(String.valueOf(SEPARATOR), -1);
    return new User(
        id,
        new EmailAddress(fields[0]),
        fields[1],
        fields[2],
        fields[3],
        fields.length > 4 ? Optional.of(fields[4]) : Optional.empty(),
        (flags[at] & ACTIVE) != 0,
        (flags[at] & OWNER) != 0,
        instant(joined[at]),
        instant(activity[at]));
  }

  void remove(long id) {
    if (holds(id)) {
      texts[(int) id] = null;
      flags[(int) id] = 0;
      held--;
    }
  }

  void clear() {
    Arrays.fill(texts, null);
    Arrays.fill(flags, (byte) 0);
    held = 0;
  }

  private void grow(int id) {
    int size = Math.max(id + 1, flags.length + flags.length / 2);
    texts = Arrays.copyOf(texts, size);
    joined = Arrays.copyOf(joined, size);
    activity = Arrays.copyOf(activity, size);
    flags = Arrays.copyOf(flags, size);
  }

  private static boolean packable(User user) {
    return user.id() >= 0
        && free(user.email().value())
        && free(user.firstName())
        && free(user.lastName())
        && free(user.phone())
        && user.avatar().map(PackedRows::free).orElse(true)
        && inRange(user.dateJoined())
        && inRange(user.lastActivity());
  }

  private static boolean free(String field) {
    return field.indexOf(SEPARATOR) < 0;
  }

  private static boolean inRange(Instant instant) {
    return instant.getEpochSecond() >= 0 && instant.getEpochSecond() <= LAST_PACKABLE_SECOND;
  }

  /** Email, first name, last name, phone and, when there is one, the picture's name. */
  private static String pack(User user) {
    StringBuilder text =
        new StringBuilder(user.email().value())
            .append(SEPARATOR)
            .append(user.firstName())
            .append(SEPARATOR)
            .append(user.lastName())
            .append(SEPARATOR)
            .append(user.phone());
    user.avatar().ifPresent(avatar -> text.append(SEPARATOR).append(avatar));
    return text.toString();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
  }
}
