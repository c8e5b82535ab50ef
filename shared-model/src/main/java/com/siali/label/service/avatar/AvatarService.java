package com.siali.label.service.avatar;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.persistence.AvatarFolder;
import com.siali.label.persistence.AvatarPictureRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import com.siali.label.service.AuditTrail;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A person's profile picture: one pipeline ({@link AvatarImages}) for the web pages, the API and
 * the console. The re-encoded bytes are stored in the database (ADR 0018) under a name we generate
 * (128 random bits), in the transaction that names the picture on the account: every server node on
 * the database serves an upload at once, backups and {@code copy-database} carry the pictures, and
 * no picture is ever half-written or left behind. An upload never chooses a path or a name.
 * Pictures of an earlier version are files in the data directory's {@code avatars/}: served from
 * there until {@link #moveFilesIntoDatabase} has moved them.
 */
public final class AvatarService {
  /**
   * The result of an upload: the updated account, and whether the picture had to be cropped or
   * scaled.
   */
  public record Upload(User user, boolean adjusted) {}

  private final Database db;
  private final UserRepository users;
  private final AvatarPictureRepository pictures;
  private final Path folder;
  private final AuditTrail audit;
  private final Clock clock;

  public AvatarService(
      Database db,
      UserRepository users,
      AvatarPictureRepository pictures,
      Path folder,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.pictures = pictures;
    this.folder = folder;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Makes {@code upload} the account's picture. The account's row is locked first, so concurrent
   * uploads by one person take turns and the last one to commit is the picture (and the only one
   * stored).
   */
  public Upload set(long userId, byte[] upload) {
    AvatarImages.Normalised picture = AvatarImages.normalise(upload);
    String name = Tokens.randomHex(16) + "." + picture.extension();
    User user =
        db.inTransaction(
            ctx -> {
              lock(ctx, userId);
              Instant now = now();
              pictures.put(ctx, userId, name, picture.bytes(), now);
              users.setAvatar(ctx, userId, Optional.of(name));
              users.touchActivity(ctx, userId, now);
              User changed = users.findById(ctx, userId).orElseThrow();
              audit.record(
                  ctx,
                  AuditEvent.about(AuditAction.PICTURE_CHANGED, changed)
                      .withDetails("picture set"));
              return changed;
            });
    return new Upload(user, picture.adjusted());
  }

  public User remove(long userId) {
    return db.inTransaction(
        ctx -> {
          lock(ctx, userId);
          pictures.remove(ctx, userId);
          users.setAvatar(ctx, userId, Optional.empty());
          users.touchActivity(ctx, userId, now());
          User changed = users.findById(ctx, userId).orElseThrow();
          audit.record(
              ctx,
              AuditEvent.about(AuditAction.PICTURE_CHANGED, changed)
                  .withDetails("picture removed"));
          return changed;
        });
  }

  /**
   * The stored bytes of {@code name}; anything that is not one of our generated names, or names no
   * picture, is "not found".
   */
  public byte[] read(String name) {
    if (!AvatarFolder.STORED_NAME.matcher(name).matches()) {
      throw new NotFoundException("No such picture.");
    }
    return db.inTransaction(ctx -> pictures.content(ctx, name))
        .or(() -> AvatarFolder.read(folder, name))
        .orElseThrow(() -> new NotFoundException("No such picture."));
  }

  /** Whether {@code name} is a stored picture (without reading its bytes). */
  public boolean exists(String name) {
    return AvatarFolder.STORED_NAME.matcher(name).matches()
        && (db.inTransaction(ctx -> pictures.exists(ctx, name))
            || AvatarFolder.read(folder, name).isPresent());
  }

  /**
   * Moves the pictures of an earlier version from {@code avatars/} into the database and deletes
   * the folder's picture files (also those no account named: leftovers of a crash). Run beside the
   * start; safe to run again, and on several nodes at once. Returns how many pictures moved.
   */
  public int moveFilesIntoDatabase() {
    return new AvatarFolderMove(db, users, pictures, folder, clock).run();
  }

  public static String contentType(String name) {
    return name.endsWith(".png") ? "image/png" : "image/jpeg";
  }

  private void lock(org.jooq.DSLContext ctx, long userId) {
    users
        .findByIdForUpdate(ctx, userId)
        .orElseThrow(() -> new NotFoundException("There is no such account."));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
