package com.siali.label.app.cli;

import com.siali.label.persistence.DataDirectory;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command (a picocli mixin). */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the database and the logs live. Default: $LABEL_STUDIO_BASE_DATA_DIR, else the user data"
              + " folder (~/.local/share/siali-label on Linux).")
  Path dataDir;

  public Path resolve() {
    return DataDirectory.locate(Optional.ofNullable(dataDir), System.getenv());
  }
}
