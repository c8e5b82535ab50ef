package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.AVATAR_PICTURES;
import static com.siali.label.persistence.jooq.Tables.USERS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The data directory's {@code avatars/} folder, where pictures lived before they moved into the
 * database (ADR 0018). Only names we generated are ever read, so nothing else in the folder (or
 * outside it) can be reached through a picture name.
 */
public final class AvatarFolder {
  /** The names we generate: 128 random bits in hex and the type. */
  public static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}\\.(png|jpg)");

  private AvatarFolder() {}

  /**
   * The pictures accounts name that the database does not hold (account id to name): after the
   * move, those whose file could not be read. One query.
   */
  public static Map<Long, String> namedButNotStored(DSLContext ctx) {
    return ctx.select(USERS.ID, USERS.AVATAR)
        .from(USERS)
        .where(USERS.AVATAR.isNotNull())
        .andNotExists(
            DSL.selectOne().from(AVATAR_PICTURES).where(AVATAR_PICTURES.USER_ID.eq(USERS.ID)))
        .fetchMap(USERS.ID, USERS.AVATAR);
  }

  /** The picture {@code name} as a file of {@code folder}, if it is one of our names and exists. */
  public static Optional<byte[]> read(Path folder, String name) {
    Path file = folder.resolve(name);
    if (!STORED_NAME.matcher(name).matches()
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the picture " + file, e);
    }
  }
}
