package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.USERS;
import static com.siali.label.persistence.jooq.Tables.USER_SEARCH_TERMS;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.SearchText;
import com.siali.label.model.User;
import com.siali.label.persistence.jooq.tables.records.UsersRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Accounts in the {@code users} table, mapped to {@link User}; every method runs in the caller's
 * transaction. Every method that writes records what changed in the {@link ChangeFeed}, in the same
 * transaction (the API token cache, the People search copy and the window follow it).
 */
public final class UserRepository {
  /** The columns {@link #byIds} reads, in the order its mapping takes them. */
  private static final String COLUMNS =
      "id, email, first_name, last_name, phone, avatar, is_active, is_owner, date_joined,"
          + " last_activity";

  private final ChangeFeed changes;

  public UserRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  /** What log-in needs: the account and its hash (which never leaves the services). */
  public record Credentials(User user, String passwordHash) {}

  /** Thrown by {@link #insert} when the email or the owner slot is already taken. */
  public static final class UniqueViolation extends RuntimeException {
    private final boolean ownerSlot;

    UniqueViolation(boolean ownerSlot, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.ownerSlot = ownerSlot;
    }

    public boolean ownerSlot() {
      return ownerSlot;
    }
  }

  public long insert(
      DSLContext ctx, EmailAddress email, String passwordHash, boolean owner, Instant now) {
    try {
      long id =
          ctx.insertInto(USERS)
              .set(USERS.EMAIL, email.value())
              .set(USERS.USERNAME, email.username())
              .set(USERS.PASSWORD_HASH, passwordHash)
              .set(USERS.IS_ACTIVE, true)
              .set(USERS.IS_OWNER, owner ? Boolean.TRUE : null)
              .set(USERS.SORT_NAME, SearchText.sortName(email.value(), "", ""))
              .set(USERS.DATE_JOINED, at(now))
              .set(USERS.LAST_ACTIVITY, at(now))
              .returning(USERS.ID)
              .fetchSingle()
              .getId();
      replaceSearchTerms(ctx, id, email.value(), "", "");
      changes.record(ctx, ChangeKind.ACCOUNT_CREATED, id);
      return id;
    } catch (IntegrityConstraintViolationException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      throw new UniqueViolation(message.contains("users_single_owner"), e);
    }
  }

  public Optional<User> findById(DSLContext ctx, long id) {
    return ctx.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(UserRepository::toUser);
  }

  /** The account, its row locked until the transaction ends (for a check-then-write). */
  public Optional<User> findByIdForUpdate(DSLContext ctx, long id) {
    return ctx.selectFrom(USERS)
        .where(USERS.ID.eq(id))
        .forUpdate()
        .fetchOptional()
        .map(UserRepository::toUser);
  }

  public Optional<User> findByEmail(DSLContext ctx, EmailAddress email) {
    return ctx.selectFrom(USERS)
        .where(USERS.EMAIL.eq(email.value()))
        .fetchOptional()
        .map(UserRepository::toUser);
  }

  /** The owner: the first account, who runs the desktop app and sends the invitation link. */
  public Optional<User> findOwner(DSLContext ctx) {
    return ctx.selectFrom(USERS)
        .where(USERS.IS_OWNER.isTrue())
        .fetchOptional()
        .map(UserRepository::toUser);
  }

  public Optional<Credentials> credentials(DSLContext ctx, EmailAddress email) {
    return ctx.selectFrom(USERS)
        .where(USERS.EMAIL.eq(email.value()))
        .fetchOptional()
        .map(r -> new Credentials(toUser(r), r.getPasswordHash()));
  }

  public Optional<String> passwordHash(DSLContext ctx, long id) {
    return ctx.select(USERS.PASSWORD_HASH)
        .from(USERS)
        .where(USERS.ID.eq(id))
        .fetchOptional(USERS.PASSWORD_HASH);
  }

  public void updatePasswordHash(DSLContext ctx, long id, String hash) {
    ctx.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(id)).execute();
    changes.record(ctx, ChangeKind.PASSWORD_CHANGED, id);
  }

  public void updateProfile(DSLContext ctx, User user, ProfileUpdate update) {
    ctx.update(USERS)
        .set(USERS.FIRST_NAME, update.firstName())
        .set(USERS.LAST_NAME, update.lastName())
        .set(USERS.PHONE, update.phone())
        .set(
            USERS.SORT_NAME,
            SearchText.sortName(user.email().value(), update.firstName(), update.lastName()))
        .where(USERS.ID.eq(user.id()))
        .execute();
    replaceSearchTerms(ctx, user.id(), user.email().value(), update.firstName(), update.lastName());
    changes.record(ctx, ChangeKind.PROFILE_CHANGED, user.id());
  }

  public void setAvatar(DSLContext ctx, long id, Optional<String> fileName) {
    ctx.update(USERS).set(USERS.AVATAR, fileName.orElse(null)).where(USERS.ID.eq(id)).execute();
    changes.record(ctx, ChangeKind.PICTURE_CHANGED, id);
  }

  /**
   * Compare-and-set of the picture: names {@code replacement} only while the row still names {@code
   * expected}; false (nothing changed) when another writer got there first. Concurrent uploads by
   * one person thus replace each file exactly once, so each replaced file has one owner to delete
   * it.
   */
  public boolean replaceAvatar(
      DSLContext ctx, long id, Optional<String> expected, Optional<String> replacement) {
    int changed =
        ctx.update(USERS)
            .set(USERS.AVATAR, replacement.orElse(null))
            .where(USERS.ID.eq(id))
            .and(expected.map(USERS.AVATAR::eq).orElseGet(USERS.AVATAR::isNull))
            .execute();
    if (changed == 0) {
      return false;
    }
    changes.record(ctx, ChangeKind.PICTURE_CHANGED, id);
    return true;
  }

  /** Every picture file name some account names (one query; for the start-up sweep). */
  public Set<String> avatarsInUse(DSLContext ctx) {
    return new HashSet<>(
        ctx.select(USERS.AVATAR).from(USERS).where(USERS.AVATAR.isNotNull()).fetch(USERS.AVATAR));
  }

  public void setActive(DSLContext ctx, long id, boolean active) {
    ctx.update(USERS).set(USERS.IS_ACTIVE, active).where(USERS.ID.eq(id)).execute();
    changes.record(ctx, active ? ChangeKind.ACTIVATED : ChangeKind.DEACTIVATED, id);
  }

  public void touchActivity(DSLContext ctx, long id, Instant now) {
    ctx.update(USERS).set(USERS.LAST_ACTIVITY, at(now)).where(USERS.ID.eq(id)).execute();
    changes.record(ctx, ChangeKind.ACTIVITY_RECORDED, id);
  }

  public boolean delete(DSLContext ctx, long id) {
    boolean deleted = ctx.deleteFrom(USERS).where(USERS.ID.eq(id)).execute() == 1;
    // its terms, token and sessions go with it (ON DELETE CASCADE)
    changes.record(ctx, ChangeKind.DELETED, id);
    return deleted;
  }

  public long count(DSLContext ctx) {
    return ctx.fetchCount(USERS);
  }

  private void replaceSearchTerms(
      DSLContext ctx, long id, String email, String firstName, String lastName) {
    ctx.deleteFrom(USER_SEARCH_TERMS).where(USER_SEARCH_TERMS.USER_ID.eq(id)).execute();
    var insert =
        ctx.insertInto(USER_SEARCH_TERMS, USER_SEARCH_TERMS.USER_ID, USER_SEARCH_TERMS.TERM);
    for (String term : SearchText.termsOf(email, firstName, lastName)) {
      insert = insert.values(id, term);
    }
    insert.execute();
  }

  public static User toUser(UsersRecord r) {
    return new User(
        r.getId(),
        new EmailAddress(r.getEmail()),
        r.getFirstName(),
        r.getLastName(),
        r.getPhone(),
        Optional.ofNullable(r.getAvatar()),
        r.getIsActive(),
        Boolean.TRUE.equals(r.getIsOwner()),
        r.getDateJoined().toInstant(),
        r.getLastActivity().toInstant());
  }

  /**
   * The accounts of {@code ids} (those that exist), in no particular order, read with plain JDBC:
   * the People rows of a new window's first pages are read this way, which has less code to warm up
   * than jOOQ's mapping (7–44 ms for 100 rows while it was still interpreted). Maps the columns as
   * {@link #toUser} does.
   */
  public static List<User> byIds(Connection connection, List<Long> ids) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE id IN (?");
    sql.append(", ?".repeat(ids.size() - 1)).append(')');
    List<User> found = new ArrayList<>(ids.size());
    try (PreparedStatement byId = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < ids.size(); i++) {
        byId.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rows = byId.executeQuery()) {
        while (rows.next()) {
          found.add(toUser(rows));
        }
      }
    }
    return found;
  }

  private static User toUser(ResultSet row) throws SQLException {
    return new User(
        row.getLong(1),
        new EmailAddress(row.getString(2)),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        Optional.ofNullable(row.getString(6)),
        row.getBoolean(7),
        row.getBoolean(8), // NULL (everyone but the owner) reads as false
        row.getObject(9, OffsetDateTime.class).toInstant(),
        row.getObject(10, OffsetDateTime.class).toInstant());
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
