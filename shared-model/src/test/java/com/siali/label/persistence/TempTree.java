package com.siali.label.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Removes a benchmark's work directory: 100 000 seeded accounts take about 1 GB. Shared through the
 * test jar.
 */
public final class TempTree {
  private TempTree() {}

  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
