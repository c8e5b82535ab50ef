package com.siali.label.service.avatar;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.ServiceBusyException;
import com.siali.label.model.User;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.StorageFailures;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /** What {@link Files#createTempFile} makes of our prefix and suffix. */
  private static final Pattern UPLOAD_TEMP = Pattern.compile("upload[0-9]+\\.tmp");

  /** A file younger than this may belong to an upload in flight: the sweep leaves it. */
  static final Duration SWEEP_MIN_AGE = Duration.ofMinutes(1);

  private static final int MAX_ATTEMPTS = 100;

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
      previous = replace(userId, Optional.of(name));
    } catch (RuntimeException e) {
      deleteQuietly(name);
      throw e;
    }
    previous.ifPresent(this::deleteQuietly);
    return new Upload(
        db.inTransaction(ctx -> users.findById(ctx, userId)).orElseThrow(), picture.adjusted());
  }

  public User remove(long userId) {
    replace(userId, Optional.empty()).ifPresent(this::deleteQuietly);
    return db.inTransaction(ctx -> users.findById(ctx, userId)).orElseThrow();
  }

  /**
   * Names {@code replacement} on the account and returns the file it named before, which is now the
   * caller's alone to delete. A compare-and-set on the row: when a concurrent upload changed the
   * picture between the read and the write, read again, so that every replaced file is replaced,
   * and deleted, exactly once (20 concurrent uploads: one file left, the last one).
   */
  private Optional<String> replace(long userId, Optional<String> replacement) {
    for (int attempt = 1; ; attempt++) {
      Optional<Optional<String>> replaced =
          db.inTransaction(
              ctx -> {
                User user =
                    users
                        .findById(ctx, userId)
                        .orElseThrow(() -> new NotFoundException("There is no such account."));
                if (!users.replaceAvatar(ctx, userId, user.avatar(), replacement)) {
                  return Optional.empty();
                }
                users.touchActivity(ctx, userId, clock.instant().truncatedTo(ChronoUnit.MICROS));
                return Optional.of(user.avatar());
              });
      if (replaced.isPresent()) {
        return replaced.get();
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new ServiceBusyException(
            "The picture is being changed by many uploads at once; try again.");
      }
    }
  }

  /**
   * Removes the files of {@code avatars/} that no account names: leftovers of a crash between
   * writing a picture and naming it, or between naming a new one and deleting the old one. Only our
   * own generated names (pictures and upload temporaries) are touched, and only files older than
   * {@link #SWEEP_MIN_AGE}, so that an upload in flight keeps its file. One query of the names in
   * use. Returns how many files were removed.
   */
  public int sweepOrphans() {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(SWEEP_MIN_AGE);
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if ((STORED_NAME.matcher(fileName).matches() || UPLOAD_TEMP.matcher(fileName).matches())
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(cutoff)) {
          candidates.add(file);
        }
      }
    } catch (IOException e) {
      LOG.warn("could not list the pictures in {}: {}", folder, e.getMessage());
      return 0;
    }
    if (candidates.isEmpty()) {
      return 0;
    }
    Set<String> inUse = db.inTransaction(users::avatarsInUse);
    int removed = 0;
    for (Path file : candidates) {
      String fileName = file.getFileName().toString();
      if (!inUse.contains(fileName)) {
        try {
          if (Files.deleteIfExists(file)) {
            removed++;
          }
        } catch (IOException e) {
          LOG.warn("could not delete orphan picture {}: {}", fileName, e.getMessage());
        }
      }
    }
    if (removed > 0) {
      LOG.info("removed {} picture file(s) no account names from {}", removed, folder);
    }
    return removed;
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
      try {
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(temp, bytes);
        Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp); // a full disk leaves no partial file behind
        throw e;
      }
    } catch (IOException e) {
      RuntimeException full = StorageFailures.translate(e, folder);
      if (full != null) {
        throw full;
      }
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
