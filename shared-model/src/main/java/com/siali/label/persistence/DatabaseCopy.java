package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.ANNOTATIONS;
import static com.siali.label.persistence.jooq.Tables.API_TOKENS;
import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENTS;
import static com.siali.label.persistence.jooq.Tables.AUDIT_EVENT_WORDS;
import static com.siali.label.persistence.jooq.Tables.AVATAR_PICTURES;
import static com.siali.label.persistence.jooq.Tables.INVITATION_LINK;
import static com.siali.label.persistence.jooq.Tables.PERSONAL_INVITATIONS;
import static com.siali.label.persistence.jooq.Tables.PROJECTS;
import static com.siali.label.persistence.jooq.Tables.SETTINGS;
import static com.siali.label.persistence.jooq.Tables.USERS;
import static com.siali.label.persistence.jooq.Tables.USER_SEARCH_TERMS;
import static com.siali.label.persistence.jooq.Tables.WEB_SESSIONS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Copies everything a data directory's database holds into another, empty one ({@code label-studio
 * copy-database}, ADR 0013): accounts with their hashes, tokens, the invitation link, settings,
 * projects, annotations, profile pictures (ADR 0018: those an earlier version still kept as files
 * in the source's {@code avatars/} folder too), the audit log, and sessions if asked, in one
 * transaction on the target, ids kept and the identity columns moved past them, and each table's
 * row count checked against the source (a mismatch rolls everything back). The change log, the
 * throttles' counters and the shared secrets are not copied: they only matter to the processes that
 * wrote them (the target's first node makes its own secrets). The source is only read.
 */
public final class DatabaseCopy {
  private static final int BATCH = 1_000;

  /** Thrown when the target already holds accounts: a copy never merges. */
  public static final class TargetNotEmptyException extends RuntimeException {
    TargetNotEmptyException(String message) {
      super(message, null, false, false);
    }
  }

  private DatabaseCopy() {}

  /**
   * Copies {@code from} into {@code to}; the rows copied per table, in copy order. {@code
   * pictureFolder} is the source's {@code avatars/}. {@code progress} hears (table, rows so far)
   * every {@value #BATCH} rows.
   */
  public static Map<String, Integer> copy(
      Database from,
      Database to,
      Path pictureFolder,
      boolean withSessions,
      BiConsumer<String, Integer> progress) {
    List<Table<? extends TableRecord<?>>> tables =
        new ArrayList<>(
            List.of(
                USERS,
                AVATAR_PICTURES,
                USER_SEARCH_TERMS,
                API_TOKENS,
                INVITATION_LINK,
                SETTINGS,
                PROJECTS,
                ANNOTATIONS,
                AUDIT_EVENTS,
                AUDIT_EVENT_WORDS,
                PERSONAL_INVITATIONS));
    if (withSessions) {
      tables.add(WEB_SESSIONS);
    }
    return to.inTransaction(
        target -> {
          if (target.fetchCount(USERS) > 0) {
            throw new TargetNotEmptyException(
                "The target database already has accounts; copy-database copies only into an empty"
                    + " one.");
          }
          Map<String, Integer> copied = new LinkedHashMap<>();
          for (Table<? extends TableRecord<?>> table : tables) {
            int rows = copyTable(from.dsl(), target, table, progress);
            int inSource = from.dsl().fetchCount(table);
            int inTarget = target.fetchCount(table);
            if (rows != inSource || inTarget != inSource) {
              throw new IllegalStateException(
                  "The copy of "
                      + table.getName()
                      + " does not match: "
                      + inSource
                      + " rows in the source, "
                      + inTarget
                      + " in the target; nothing was copied.");
            }
            copied.put(table.getName(), rows);
          }
          copied.merge(
              AVATAR_PICTURES.getName(),
              copyPictureFiles(from, target, pictureFolder),
              Integer::sum);
          IdentitySequences.restart(target, USERS.getName(), USERS.ID.getName());
          IdentitySequences.restart(target, PROJECTS.getName(), PROJECTS.ID.getName());
          IdentitySequences.restart(target, ANNOTATIONS.getName(), ANNOTATIONS.ID.getName());
          IdentitySequences.restart(target, AUDIT_EVENTS.getName(), AUDIT_EVENTS.ID.getName());
          IdentitySequences.restart(
              target, PERSONAL_INVITATIONS.getName(), PERSONAL_INVITATIONS.ID.getName());
          return copied;
        });
  }

  /**
   * The pictures accounts name that the source holds as files only (its last start was an earlier
   * version's); a file that is gone leaves the account without a picture, as it was shown.
   */
  private static int copyPictureFiles(Database from, DSLContext target, Path folder) {
    AvatarPictureRepository pictures = new AvatarPictureRepository();
    int copied = 0;
    for (Map.Entry<Long, String> named :
        from.inTransaction(AvatarFolder::namedButNotStored).entrySet()) {
      var content = AvatarFolder.read(folder, named.getValue());
      if (content.isPresent()) {
        pictures.put(target, named.getKey(), named.getValue(), content.get(), Instant.now());
        copied++;
      }
    }
    return copied;
  }

  private static <R extends TableRecord<?>> int copyTable(
      DSLContext source, DSLContext target, Table<R> table, BiConsumer<String, Integer> progress) {
    int rows = 0;
    List<R> batch = new ArrayList<>(BATCH);
    try (Cursor<R> cursor = source.selectFrom(table).fetchSize(BATCH).fetchLazy()) {
      for (R row : cursor) {
        batch.add(row);
        if (batch.size() == BATCH) {
          rows += insert(target, table, batch);
          progress.accept(table.getName(), rows);
        }
      }
    }
    return rows + insert(target, table, batch);
  }

  private static <R extends TableRecord<?>> int insert(
      DSLContext target, Table<R> table, List<R> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    var insert = target.insertInto(table).columns(table.fields());
    for (R row : batch) {
      insert = insert.values(row.intoArray());
    }
    int inserted = insert.execute();
    batch.clear();
    return inserted;
  }
}
