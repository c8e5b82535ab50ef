package com.siali.label.app.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The running {@code start}'s hold on its data directory ({@code instance.lock}): one instance and
 * one control socket per data directory, on PostgreSQL as on H2. An operating-system file lock, so
 * that a killed process (kill -9, a crash) leaves nothing to clean up: the lock ends with it.
 */
final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock if no other process holds it, else empty. */
  static Optional<InstanceLock> tryTake(Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(new InstanceLock(channel, lock));
      }
    } catch (OverlappingFileLockException e) {
      // another start in this same JVM holds it: as taken as by another process
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file, e);
    }
    closeQuietly(channel);
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close below releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing held through it any more
    }
  }
}
