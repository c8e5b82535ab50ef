package com.siali.label.persistence;

import com.siali.label.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one folder that holds everything of an installation (SPEC §2, §8): the database, avatars, the
 * per-install secret and logs. It is created {@code 0700} and its files are kept {@code 0600}, so
 * that on a shared computer nobody else can read the accounts or talk to the running instance's
 * control socket.
 */
public final class DataDirectory {
  public static final String ENV_VARIABLE = "LABEL_STUDIO_BASE_DATA_DIR";
  private static final String SECRET_FILE = "install.secret";
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path root;

  private DataDirectory(Path root) {
    this.root = root;
  }

  /**
   * Where the data lives: {@code --data-dir}, else {@value #ENV_VARIABLE}, else the operating
   * system's per-user data folder.
   */
  public static Path locate(Optional<Path> option, Map<String, String> environment) {
    if (option.isPresent()) {
      return option.get().toAbsolutePath().normalize();
    }
    String fromEnv = environment.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    return osUserDataFolder(
        environment, System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
  }

  static Path osUserDataFolder(Map<String, String> env, String osName, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming"))
          .resolve("Siali Label");
    }
    if (os.contains("mac")) {
      return home.resolve("Library/Application Support/Siali Label");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share"))
        .resolve("siali-label");
  }

  /**
   * Creates the folder (and its sub-folders) if needed and tightens permissions on what is there.
   */
  public static DataDirectory open(Path root) {
    DataDirectory dir = new DataDirectory(root);
    try {
      Files.createDirectories(root);
      Files.createDirectories(dir.avatars());
      Files.createDirectories(dir.logs());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the data directory " + root + ": " + e.getMessage(), e);
    }
    dir.restrictPermissions();
    return dir;
  }

  public Path root() {
    return root;
  }

  /** The H2 database base name (H2 appends {@code .mv.db}). */
  public Path databaseBase() {
    return root.resolve("siali-label");
  }

  public Path avatars() {
    return root.resolve("avatars");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  /**
   * The file whose lock the running {@code start} holds, so that one data directory has one running
   * instance and one control socket on every backend: the H2 file lock does not exist on
   * PostgreSQL, which many processes share.
   */
  public Path instanceLock() {
    return root.resolve("instance.lock");
  }

  /** The Unix-domain socket through which a running instance serves the CLI (ADR 0005). */
  public Path controlSocket() {
    return root.resolve("control.sock");
  }

  /**
   * The per-install secret: 256 bits from {@code SecureRandom}, made on first use and never changed
   * after. Concurrent first starts agree on one value because the file is created atomically.
   */
  public String installSecret() {
    Path file = root.resolve(SECRET_FILE);
    try {
      if (!Files.exists(file)) {
        Path temp = Files.createTempFile(root, "secret", ".tmp");
        restrict(temp, OWNER_ONLY_FILE);
        Files.writeString(
            temp,
            Tokens.randomHex(32),
            StandardCharsets.US_ASCII,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.SYNC);
        try {
          Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
          // another process made it first: use theirs
        } catch (UnsupportedOperationException | IOException noHardLinks) {
          if (!Files.exists(file)) {
            Files.move(temp, file);
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the install secret in " + root, e);
    }
  }

  /**
   * Sets {@code 0700} on the folders and {@code 0600} on the files (no-op where POSIX permissions
   * do not exist).
   */
  public void restrictPermissions() {
    try {
      Files.walkFileTree(root, Set.of(), 2, new Restrictor());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set permissions in " + root, e);
    }
  }

  /**
   * Tightens each folder and file it visits. Others write in this folder while it walks: a second
   * {@code start}'s secret being made, the database's own temporary files. An entry that vanishes
   * between being listed and being visited needs no permissions, so it is passed over rather than
   * failing the start ({@link Files#walk} would throw for it).
   */
  private static final class Restrictor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      restrict(dir, OWNER_ONLY_DIR);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      // at the depth limit a folder is visited as a file
      restrict(file, attributes.isDirectory() ? OWNER_ONLY_DIR : OWNER_ONLY_FILE);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
      if (failure instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw failure;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
      if (failure != null && !(failure instanceof NoSuchFileException)) {
        throw failure;
      }
      return FileVisitResult.CONTINUE;
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(path, permissions);
      }
    } catch (NoSuchFileException vanished) {
      // a temporary file its writer removed meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set permissions on " + path, e);
    }
  }
}
