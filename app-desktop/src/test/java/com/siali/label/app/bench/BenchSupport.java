package com.siali.label.app.bench;

import com.siali.label.app.console.ConsoleFixture;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * What the console benchmarks share: signed-in data directories, child JVMs, jars for AOT caches,
 * medians.
 */
final class BenchSupport {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private BenchSupport() {}

  /**
   * {@code java} with the options ./label-studio starts the application with (tools/jdk.sh), then
   * {@code extra}.
   */
  static List<String> javaCommand(List<String> extra) {
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(
        List.of(
            System.getProperty("bench.appOptions", "--enable-native-access=ALL-UNNAMED")
                .split(" ")));
    command.addAll(extra);
    return command;
  }

  /** An installation with an owner who chose "keep me signed in", so the window opens on People. */
  static void prepareSignedIn(Path data, int accounts) {
    DataDirectory directory = DataDirectory.open(data);
    Database database = Database.open(directory);
    try {
      Services services =
          Services.over(
              database,
              directory.avatars(),
              PasswordHasher.withDefaults(),
              PasswordPolicy.standard(),
              Clock.systemUTC());
      User lead =
          services.accounts().create(NewAccount.of("lead@example.com", ConsoleFixture.PASSWORD));
      BulkAccounts.seed(database, accounts);
      new RememberedSignIn(services.sessions(), data).remember(lead);
    } finally {
      database.close();
    }
  }

  /**
   * This JVM's class path with its class directories (target/test-classes, target/classes) packed
   * into {@code jar}: an AOT cache cannot be made with a directory on the class path.
   */
  static String jarClassPath(Path jar) throws IOException {
    List<String> entries = new ArrayList<>(List.of(jar.toString()));
    List<Path> directories = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        directories.add(Path.of(entry));
      } else {
        entries.add(entry);
      }
    }
    if (!Files.exists(jar)) {
      Set<String> written = new HashSet<>();
      try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
        for (Path directory : directories) {
          try (var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
              String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
              if (written.add(name)) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out);
              }
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
