package com.siali.label.app.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the launcher's start-up cache (tools/startup-cache.sh, ADR 0010) that a start recording its
 * classes got as far as serving: its recording is then worth a cache however soon it is stopped. A
 * start that failed, printed its help or only brought a running window to the front never gets
 * here, and its recording is dropped.
 */
final class StartupRecording {
  /** The file to create, set by the launcher on a recording start only. */
  static final String SERVED_MARKER = "siali.startupCache.servedMarker";

  private static final Logger LOG = LoggerFactory.getLogger(StartupRecording.class);

  private StartupRecording() {}

  /** Called once the server answers (and the window, when there is one, is open). */
  static void served() {
    String marker = System.getProperty(SERVED_MARKER);
    if (marker == null || marker.isBlank()) {
      return;
    }
    try {
      Files.write(Path.of(marker), new byte[0]);
    } catch (IOException | InvalidPathException e) {
      // Only the next start's cache is lost: it records again.
      LOG.debug("cannot mark the start-up recording as served: {}", e.toString());
    }
  }
}
