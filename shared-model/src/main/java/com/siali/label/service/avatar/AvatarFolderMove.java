package com.siali.label.service.avatar;

import com.siali.label.persistence.AvatarFolder;
import com.siali.label.persistence.AvatarPictureRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an earlier version's picture files into the database (ADR 0018): each file an account names
 * is stored, under the account's row lock, unless the account has changed its picture meanwhile;
 * then every file of our naming that the database does not need any more is deleted. Files it
 * cannot read stay, still served from the folder, and the next start tries again.
 */
final class AvatarFolderMove {
  private static final Logger LOG = LoggerFactory.getLogger(AvatarFolderMove.class);

  /** What {@code Files.createTempFile} made of an earlier version's upload temporaries. */
  private static final Pattern UPLOAD_TEMP = Pattern.compile("upload[0-9]+\\.tmp");

  private final Database db;
  private final UserRepository users;
  private final AvatarPictureRepository pictures;
  private final Path folder;
  private final Clock clock;

  AvatarFolderMove(
      Database db,
      UserRepository users,
      AvatarPictureRepository pictures,
      Path folder,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.pictures = pictures;
    this.folder = folder;
    this.clock = clock;
  }

  int run() {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int moved = 0;
    for (Map.Entry<Long, String> named :
        db.inTransaction(AvatarFolder::namedButNotStored).entrySet()) {
      Optional<byte[]> content = AvatarFolder.read(folder, named.getValue());
      if (content.isPresent() && store(named.getKey(), named.getValue(), content.get())) {
        moved++;
      }
    }
    Set<String> stillFiles =
        new HashSet<>(db.inTransaction(AvatarFolder::namedButNotStored).values());
    int deleted = deleteFilesExcept(stillFiles);
    if (moved > 0 || deleted > 0) {
      LOG.info(
          "moved {} picture(s) from {} into the database; deleted {} file(s)",
          moved,
          folder,
          deleted);
    }
    return moved;
  }

  private boolean store(long userId, String name, byte[] content) {
    return db.inTransaction(
        ctx -> {
          boolean stillNamed =
              users
                  .findByIdForUpdate(ctx, userId)
                  .map(user -> user.avatar().equals(Optional.of(name)))
                  .orElse(false);
          if (!stillNamed || pictures.exists(ctx, name)) {
            return false;
          }
          pictures.put(ctx, userId, name, content, clock.instant().truncatedTo(ChronoUnit.MICROS));
          return true;
        });
  }

  private int deleteFilesExcept(Set<String> keep) {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean ours =
            AvatarFolder.STORED_NAME.matcher(name).matches() || UPLOAD_TEMP.matcher(name).matches();
        if (ours
            && !keep.contains(name)
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clear the old picture files in {}: {}", folder, e.getMessage());
    }
    return deleted;
  }
}
