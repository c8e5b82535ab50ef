package com.siali.label.service.avatar;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's profile picture: one pipeline ({@link AvatarImages}) for the web pages, the API and
 * the console. Files live only in the avatar folder, under names we generate (128 random bits), so
 * an upload never chooses a path or a name.
 */
public final class AvatarService {
  private static final Logger LOG = LoggerFactory.getLogger(AvatarService.class);
  private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}\\.(png|jpg)");

  /**
   * The result of an upload: the updated account, and whether the picture had to be cropped or
   * scaled.
   */
  public record Upload(User user, boolean adjusted) {}

  private final Database db;
  private final UserRepository users;
  private final Path folder;
  private final Clock clock;

  public AvatarService(Database db, UserRepository users, Path folder, Clock clock) {
    this.db = db;
    this.users = users;
    this.folder = folder;
    this.clock = clock;
  }

  public Upload set(long userId, byte[] upload) {
    AvatarImages.Normalised picture = AvatarImages.normalise(upload);
    String name = Tokens.randomHex(16) + "." + picture.extension();
    write(name, picture.bytes());
    Optional<String> previous;
    try {
      previous =
          db.inTransaction(
              ctx -> {
                User user =
                    users
                        .findById(ctx, userId)
                        .orElseThrow(() -> new NotFoundException("There is no such account."));
                users.setAvatar(ctx, userId, Optional.of(name));
                users.touchActivity(ctx, userId, clock.instant().truncatedTo(ChronoUnit.MICROS));
                return user.avatar();
              });
    } catch (RuntimeException e) {
      deleteQuietly(name);
      throw e;
    }
    previous.ifPresent(this::deleteQuietly);
    return new Upload(
        db.inTransaction(ctx -> users.findById(ctx, userId)).orElseThrow(), picture.adjusted());
  }

  public User remove(long userId) {
    Optional<String> previous =
        db.inTransaction(
            ctx -> {
              User user =
                  users
                      .findById(ctx, userId)
                      .orElseThrow(() -> new NotFoundException("There is no such account."));
              users.setAvatar(ctx, userId, Optional.empty());
              users.touchActivity(ctx, userId, clock.instant().truncatedTo(ChronoUnit.MICROS));
              return user.avatar();
            });
    previous.ifPresent(this::deleteQuietly);
    return db.inTransaction(ctx -> users.findById(ctx, userId)).orElseThrow();
  }

  /**
   * The stored bytes of {@code name}; anything that is not one of our generated names is "not
   * found".
   */
  public byte[] read(String name) {
    if (!STORED_NAME.matcher(name).matches()) {
      throw new NotFoundException("No such picture.");
    }
    try {
      return Files.readAllBytes(folder.resolve(name));
    } catch (NoSuchFileException e) {
      throw new NotFoundException("No such picture.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String contentType(String name) {
    return name.endsWith(".png") ? "image/png" : "image/jpeg";
  }

  private void write(String name, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, "upload", ".tmp");
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, bytes);
      Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the picture: " + e.getMessage(), e);
    }
  }

  private void deleteQuietly(String name) {
    try {
      Files.deleteIfExists(folder.resolve(name));
    } catch (IOException e) {
      LOG.warn("could not delete old picture {}: {}", name, e.getMessage());
    }
  }
}
