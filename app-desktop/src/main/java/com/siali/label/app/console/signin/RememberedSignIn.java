package com.siali.label.app.console.signin;

import com.siali.label.model.User;
import com.siali.label.service.SessionService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * "Keep me signed in on this computer": the console keeps a server-side session (the same kind as
 * the web's, with its idle and absolute expiry) and stores its id in a file only this user can
 * read. Signing out, a password change or deactivation ends the session, and with it the remembered
 * sign-in.
 */
public final class RememberedSignIn {
  static final String FILE_NAME = "console-session";

  private final SessionService sessions;
  private final Path file;

  public RememberedSignIn(SessionService sessions, Path dataDirectory) {
    this.sessions = sessions;
    this.file = dataDirectory.resolve(FILE_NAME);
  }

  /** The account still signed in from an earlier start, if its session is alive. */
  public Optional<User> restore() {
    Optional<String> id = read();
    Optional<User> user = id.flatMap(sessions::find).map(SessionService.ActiveSession::user);
    if (id.isPresent() && user.isEmpty()) {
      deleteFile();
    }
    return user;
  }

  public void remember(User user) {
    forget();
    String id = sessions.start(user.id(), true).id();
    try {
      // forget() removed the file: created afresh, readable by this user only from its first byte
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, id, StandardCharsets.US_ASCII);
    } catch (UnsupportedOperationException notPosix) {
      writePlain(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the remembered session, if any, before another takes its place or none is wanted. */
  public void forget() {
    read().ifPresent(sessions::discard);
    deleteFile();
  }

  /** Signing {@code userId} out of the window: the log-out is in the audit log. */
  public void signOut(long userId) {
    sessions.signOutOfWindow(userId, read());
    deleteFile();
  }

  private Optional<String> read() {
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void writePlain(String id) {
    try {
      Files.writeString(file, id, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteFile() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
