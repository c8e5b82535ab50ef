package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void optionBeatsEnvironmentWhichBeatsTheOsFolder() {
    Path option = tmp.resolve("from-option");
    Map<String, String> env =
        Map.of(DataDirectory.ENV_VARIABLE, tmp.resolve("from-env").toString());
    assertThat(DataDirectory.locate(Optional.of(option), env)).isEqualTo(option);
    assertThat(DataDirectory.locate(Optional.empty(), env)).isEqualTo(tmp.resolve("from-env"));
    assertThat(DataDirectory.locate(Optional.empty(), Map.of()))
        .isEqualTo(
            DataDirectory.osUserDataFolder(
                Map.of(), System.getProperty("os.name"), Path.of(System.getProperty("user.home"))));
  }

  @Test
  void osFoldersFollowEachPlatformsConvention() {
    Path home = Path.of("/home/ada");
    assertThat(DataDirectory.osUserDataFolder(Map.of(), "Linux", home))
        .isEqualTo(Path.of("/home/ada/.local/share/siali-label"));
    assertThat(DataDirectory.osUserDataFolder(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home))
        .isEqualTo(Path.of("/xdg/siali-label"));
    assertThat(DataDirectory.osUserDataFolder(Map.of(), "Mac OS X", home))
        .isEqualTo(Path.of("/home/ada/Library/Application Support/Siali Label"));
  }

  @Test
  void directoryIsOwnerOnlyAndTheSecretIsStable() throws Exception {
    DataDirectory dir = DataDirectory.open(tmp.resolve("data"));
    String secret = dir.installSecret();
    assertThat(secret).matches("[0-9a-f]{64}");
    assertThat(DataDirectory.open(tmp.resolve("data")).installSecret()).isEqualTo(secret);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.root())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.root().resolve("install.secret"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.avatars())))
        .isEqualTo("rwx------");
  }

  @Test
  void databaseFilesAreOwnerOnly() throws Exception {
    DataDirectory dir = DataDirectory.open(tmp.resolve("data"));
    try (Database db = TestDatabases.open(dir)) {
      Path file = Path.of(dir.databaseBase() + ".mv.db");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void filesComingAndGoingBesideItDoNotFailAStart() throws Exception {
    // A second start making its secret, or the database its temporary files, while this start
    // tightens the folder's permissions: an entry listed and gone before it is visited.
    Path root = tmp.resolve("data");
    DataDirectory.open(root);
    AtomicBoolean stop = new AtomicBoolean();
    Thread churn =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!stop.get()) {
                    try {
                      Files.delete(Files.createTempFile(root, "secret", ".tmp"));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                });
    try {
      for (int start = 0; start < 3_000; start++) {
        DataDirectory.open(root);
      }
    } finally {
      stop.set(true);
      churn.join();
    }
  }

  @Test
  void startsAtOnceOnANewFolderAgreeOnOneSecret() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path root = tmp.resolve("data" + round);
      try (ExecutorService starts = Executors.newFixedThreadPool(6)) {
        List<Future<String>> secrets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          secrets.add(starts.submit(() -> DataDirectory.open(root).installSecret()));
        }
        Set<String> distinct = new HashSet<>();
        for (Future<String> secret : secrets) {
          distinct.add(secret.get());
        }
        assertThat(distinct).hasSize(1);
      }
      try (Stream<Path> left = Files.list(root)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("no temporary file is left behind")
            .noneMatch(name -> name.endsWith(".tmp"));
      }
    }
  }
}
