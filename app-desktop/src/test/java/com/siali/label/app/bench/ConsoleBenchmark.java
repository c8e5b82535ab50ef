package com.siali.label.app.bench;

import com.siali.label.app.console.ConsoleFixture;
import com.siali.label.app.console.FxThread;
import com.siali.label.app.console.model.Background;
import com.siali.label.app.console.model.RememberedSignIn;
import com.siali.label.app.console.view.ConsoleWindow;
import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The console's figures for docs/PERFORMANCE.md (run by {@code tools/bench console} under Xvfb; not a test):
 * <ul>
 *   <li>start-up: process start ({@code ./label-studio start}, with the start-up cache it makes for itself) to
 *       window shown and {@code /health} answering, beside a bare JavaFX hello window, alternating, median of the
 *       runs; for comparison also without the cache, and the hello window with an AOT cache of its own;</li>
 *   <li>idle RSS of the application with the window open on People, 10 s after start;</li>
 *   <li>People at N accounts in the real window: time to the first page, and each keystroke's search until the
 *       table shows its result, typed at a quick typist's 8 keys a second and again back to back.</li>
 * </ul>
 */
public final class ConsoleBenchmark {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("people-rounds")) {
      peopleRounds(Path.of(args[1]), false);
      System.exit(0);
    }
    if (args.length == 2 && args[0].equals("people-recording")) {
      peopleRounds(Path.of(args[1]), true);
      System.exit(0);
    }
    if (args.length == 2 && args[0].equals("prepare")) {
      // A data directory signed in as lead@example.com, to open other builds (the package) on People.
      prepareSignedIn(Path.of(args[1]), 1_000);
      System.exit(0);
    }
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("console-bench");
    if (runs > 0) {
      startUp(work, runs);
    }
    if (accounts > 0) {
      people(work.resolve("people"), accounts);
    }
    System.exit(0);
  }

  // --- start-up and RSS -------------------------------------------------------------------------------------

  private static final Path LAUNCHER = Path.of(System.getProperty("bench.launcher", "label-studio")).toAbsolutePath();
  private static final Path STARTUP_CACHES = LAUNCHER.resolveSibling("app-desktop/target/aot");
  /** The hello window's class path: its own jar, then the application's jars (JavaFX among them). */
  private static String helloClassPath;

  /**
   * Alternating runs of: the bare hello window; {@code ./label-studio start} as a user runs it, with the start-up
   * cache it made from its own earlier starts (ADR 0010); the same without it; and, for comparison, the hello
   * window with an AOT cache of its own.
   */
  private static void startUp(Path work, int runs) throws Exception {
    System.out.println("preparing: ./label-studio's start-up cache (one 25 s start records, the next makes it)");
    helloClassPath = helloJar(work) + java.io.File.pathSeparator + System.getProperty("bench.appClassPath");
    Path helloCache = work.resolve("hello.aot");
    prepareStartupCaches(work, helloCache);
    List<Long> hello = new ArrayList<>();
    List<Long> helloCached = new ArrayList<>();
    List<Long> app = new ArrayList<>();
    List<Long> appUncached = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    List<Long> rssUncached = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      hello.add(timeHello(List.of()));
      long[] cached = timeApplication(signedIn(work, "start-" + run), true);
      app.add(cached[0]);
      rss.add(cached[1]);
      helloCached.add(timeHello(List.of("-XX:AOTCache=" + helloCache)));
      long[] uncached = timeApplication(signedIn(work, "start-uncached-" + run), false);
      appUncached.add(uncached[0]);
      rssUncached.add(uncached[1]);
    }
    long helloMedian = median(hello);
    long appMedian = median(app);
    System.out.printf("bare JavaFX hello window shown: median %d ms %s%n", helloMedian, hello);
    System.out.printf("Siali Label window shown and /health 200 (./label-studio start, its start-up cache):"
        + " median %d ms %s%n", appMedian, app);
    System.out.printf("ratio: %.2f x (target <= 2)%n", appMedian / (double) helloMedian);
    System.out.printf("idle RSS with the window on People (1 000 accounts), 10 s after start: median %d MB %s%n",
        median(rss), rss);
    System.out.printf("for comparison: without the start-up cache (SIALI_STARTUP_CACHE=off): median %d ms %s (%.2f x),"
        + " RSS %d MB%n", median(appUncached), appUncached, median(appUncached) / (double) helloMedian,
        median(rssUncached));
    System.out.printf("for comparison: the hello window with an AOT cache of its own: median %d ms %s"
        + " (Siali Label with its cache: %.2f x that)%n", median(helloCached), helloCached,
        appMedian / (double) median(helloCached));
  }

  private static Path helloJar(Path work) throws IOException {
    Path jar = work.resolve("hello.jar");
    String entry = HelloWindow.class.getName().replace('.', '/') + ".class";
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var in = HelloWindow.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new java.util.jar.JarEntry(entry));
      in.transferTo(out);
    }
    return jar;
  }

  private static Path signedIn(Path work, String name) {
    Path data = work.resolve(name);
    prepareSignedIn(data, 1_000);
    return data;
  }

  /**
   * ./label-studio's window cache made the way a user's first starts make it: one start that runs long enough
   * records, the next makes the cache in the background. The hello window records its own in one run.
   */
  private static void prepareStartupCaches(Path work, Path helloCache) throws Exception {
    try (var old = Files.newDirectoryStream(STARTUP_CACHES, "start-window.*")) {
      for (Path file : old) {
        Files.delete(file);
      }
    } catch (java.nio.file.NoSuchFileException none) {
      // no cache yet
    }
    timeApplication(signedIn(work, "recording"), true, 25_000);
    timeApplication(signedIn(work, "making"), true, 0);
    Path cache = STARTUP_CACHES.resolve("start-window.aot");
    for (int i = 0; i < 1200 && !Files.exists(cache); i++) {
      Thread.sleep(100);
    }
    if (!Files.exists(cache)) {
      throw new IllegalStateException("./label-studio made no start-up cache in " + STARTUP_CACHES);
    }
    while (Files.exists(STARTUP_CACHES.resolve("making"))) {
      Thread.sleep(100);
    }
    timeHello(List.of("-XX:AOTCacheOutput=" + helloCache));
    if (!Files.exists(helloCache)) {
      throw new IllegalStateException("the hello window wrote no AOT cache");
    }
  }

  private static long timeHello(List<String> options) throws Exception {
    long start = System.nanoTime();
    Process process = java(options, List.of(HelloWindow.class.getName())).start();
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("shown")) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      }
      throw new IllegalStateException("the hello window did not show");
    } finally {
      process.destroy();
      process.waitFor(120, TimeUnit.SECONDS); // a recording run writes its AOT cache as it exits
    }
  }

  private static long[] timeApplication(Path data, boolean startupCache) throws Exception {
    return timeApplication(data, startupCache, 10_000);
  }

  /**
   * Milliseconds until both the window is open and /health answers, and the RSS in MB after {@code holdMillis}
   * from the start (when the process is stopped).
   */
  private static long[] timeApplication(Path data, boolean startupCache, long holdMillis) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    ProcessBuilder launch = new ProcessBuilder(LAUNCHER.toString(), "start", "--data-dir", data.toString(),
        "--host", "127.0.0.1", "--port", String.valueOf(port)).redirectError(ProcessBuilder.Redirect.DISCARD);
    launch.environment().put("SIALI_STARTUP_CACHE", startupCache ? "on" : "off");
    long start = System.nanoTime();
    Process process = launch.start();
    CountDownLatch windowOpen = new CountDownLatch(1);
    Thread.ofPlatform().daemon().start(() -> {
      try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("Admin window open")) {
            windowOpen.countDown();
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    try {
      long serverUp = -1;
      while (serverUp < 0) {
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            serverUp = System.nanoTime();
          }
        } catch (IOException notYet) {
          Thread.sleep(5);
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the application exited with " + process.exitValue());
        }
      }
      if (!windowOpen.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the window did not open");
      }
      long ready = Math.max(serverUp, System.nanoTime());
      long elapsed = (ready - start) / 1_000_000;
      Thread.sleep(Math.max(0, holdMillis - elapsed));
      long rssMb = rssKb(process.pid()) / 1024;
      return new long[] {elapsed, rssMb};
    } finally {
      process.destroy();
      process.waitFor(120, TimeUnit.SECONDS);
    }
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static ProcessBuilder java(List<String> options, List<String> mainAndArgs) {
    List<String> command = new ArrayList<>(List.of(JAVA));
    // The options ./label-studio starts the application with (tools/jdk.sh), for the hello window too.
    command.addAll(List.of(System.getProperty("bench.appOptions", "--enable-native-access=ALL-UNNAMED").split(" ")));
    command.addAll(options);
    // Jars only (an AOT cache cannot be made with a directory on the class path): the app's own class path
    // and the hello window's jar.
    command.addAll(List.of("-cp", helloClassPath));
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
  }

  /** An installation with an owner who chose "keep me signed in", so the window opens on People. */
  private static void prepareSignedIn(Path data, int accounts) {
    DataDirectory directory = DataDirectory.open(data);
    Database database = Database.open(directory);
    try {
      Services services = Services.over(database, directory.avatars(), PasswordHasher.withDefaults(),
          PasswordPolicy.standard(), Clock.systemUTC());
      User lead = services.accounts().create(NewAccount.of("lead@example.com", ConsoleFixture.PASSWORD));
      BulkAccounts.seed(database, accounts);
      new RememberedSignIn(services.sessions(), data).remember(lead);
    } finally {
      database.close();
    }
  }

  // --- People at N accounts ---------------------------------------------------------------------------------

  /**
   * Seeds the accounts here, then opens People in a new JVM with the application's options, as a person meets it:
   * a process that starts on an existing database, without the seeding's garbage in its heap.
   */
  private static void people(Path data, int accounts) throws Exception {
    prepareSignedIn(data, accounts);
    System.out.println("-- People in a new JVM without a start-up cache");
    peopleProcess(List.of(), "people-rounds", data);
    // What ./label-studio's cache holds: a recording start that opened People (with its unseen warm-up searches)
    // and typed nothing. An AOT cache needs jars only, so the bench's own classes go into one.
    Path cache = data.resolveSibling("people.aot");
    peopleProcess(List.of("-XX:AOTCacheOutput=" + cache), "people-recording", data);
    System.out.println("-- People in a new JVM with the AOT cache of a start that opened People and typed nothing");
    peopleProcess(List.of("-XX:AOTCache=" + cache), "people-rounds", data);
  }

  private static void peopleProcess(List<String> options, String mode, Path data) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(List.of(System.getProperty("bench.appOptions", "--enable-native-access=ALL-UNNAMED").split(" ")));
    command.addAll(options);
    command.addAll(List.of("-Dprism.order=sw", "-cp", jarClassPath(data.resolveSibling("bench-classes.jar")),
        ConsoleBenchmark.class.getName(), mode, data.toString()));
    Process rounds = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (rounds.waitFor() != 0) {
      throw new IllegalStateException(mode + " failed");
    }
  }

  /** This JVM's class path with its class directories (target/test-classes, target/classes) packed into one jar. */
  private static String jarClassPath(Path jar) throws IOException {
    List<String> entries = new ArrayList<>(List.of(jar.toString()));
    List<Path> directories = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        directories.add(Path.of(entry));
      } else {
        entries.add(entry);
      }
    }
    if (!Files.exists(jar)) {
      java.util.Set<String> written = new java.util.HashSet<>();
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
        for (Path directory : directories) {
          try (var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
              String name = directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
              if (written.add(name)) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                Files.copy(file, out);
              }
            }
          }
        }
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Three rounds of opening People and typing; or, {@code recording}, one window that opens People and waits. */
  private static void peopleRounds(Path data, boolean recording) throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    try (ConsoleFixture fixture = new ConsoleFixture(data)) {
      long accounts = fixture.services.people().count();
      for (int round = 0; round < 3; round++) {
        Stage stage = FxThread.call(Stage::new);
        ConsoleWindow window = new ConsoleWindow(fixture.context(),
            new Background(Executors.newFixedThreadPool(2), Platform::runLater), owner -> Optional.empty(), () -> {});
        long start = System.nanoTime();
        CountDownLatch firstPage = new CountDownLatch(1);
        FxThread.call(() -> {
          window.show(stage, false);
          return null;
        });
        TableView<?> table = waitForTable(stage);
        FxThread.call(() -> {
          if (!table.getItems().isEmpty()) {
            firstPage.countDown();
          }
          table.getItems().addListener((ListChangeListener<Object>) c -> firstPage.countDown());
          return null;
        });
        firstPage.await(30, TimeUnit.SECONDS);
        long open = (System.nanoTime() - start) / 1_000_000;
        if (recording) {
          Thread.sleep(5_000); // the unseen warm-up searches run, then the person closes the window
          break;
        }
        List<Long> keystrokes = new ArrayList<>();
        List<Long> serviceAlone = new ArrayList<>();
        TextField search = (TextField) FxThread.call(() -> stage.getScene().lookup("#peopleSearch"));
        Thread.sleep(1_000); // a person looks at the window before typing
        List<Long> backToBack = new ArrayList<>();
        StringBuilder each = new StringBuilder("  each keystroke at 8 keys/s (ms):");
        for (String typed : TYPED) {
          long began = System.nanoTime();
          long took = keystroke(table, search, typed);
          keystrokes.add(took);
          each.append(" '").append(typed).append("' ").append(took);
          Thread.sleep(Math.max(0, TYPING_PACE_MILLIS - (System.nanoTime() - began) / 1_000_000));
        }
        System.out.println(each);
        keystroke(table, search, "");
        StringBuilder eachBackToBack = new StringBuilder("  each keystroke back to back (ms):");
        for (String typed : TYPED) {
          long took = keystroke(table, search, typed);
          backToBack.add(took);
          eachBackToBack.append(" '").append(typed).append("' ").append(took);
        }
        System.out.println(eachBackToBack);
        StringBuilder eachAlone = new StringBuilder("  services alone (ms):");
        for (String typed : TYPED) {
          long t0 = System.nanoTime();
          fixture.services.people().page(new com.siali.label.model.UserQuery(
              typed, com.siali.label.model.UserSort.NAME, false, 0, com.siali.label.app.console.model.PeopleModel.PAGE_SIZE));
          fixture.services.people().count();
          serviceAlone.add((System.nanoTime() - t0) / 1_000_000);
          eachAlone.append(" '").append(typed).append("' ").append(serviceAlone.getLast());
        }
        System.out.println(eachAlone);
        serviceAlone.sort(null);
        System.out.printf("  the same queries through the services alone: median %d ms, max %d ms%n",
            serviceAlone.get(serviceAlone.size() / 2), serviceAlone.getLast());
        FxThread.call(() -> {
          window.dispose();
          stage.hide();
          return null;
        });
        keystrokes.sort(null);
        backToBack.sort(null);
        System.out.printf("People at %,d accounts, round %d: table open %d ms; keystroke to table at 8 keys/s:"
                + " median %d ms, p95 %d ms, max %d ms (%d keystrokes); back to back: median %d ms, max %d ms%n",
            accounts, round + 1, open, keystrokes.get(keystrokes.size() / 2),
            keystrokes.get((int) Math.ceil(keystrokes.size() * 0.95) - 1), keystrokes.getLast(), keystrokes.size(),
            backToBack.get(backToBack.size() / 2), backToBack.getLast());
      }
    }
    Platform.exit();
  }

  /** A quick typist: 8 keys a second, one keystroke every 125 ms. */
  private static final long TYPING_PACE_MILLIS = 125;

  private static final String[] TYPED = {"a", "ad", "ada", "ada ", "ada l", "ada lo", "ada lov", "ada love",
      "ada lovel", "g", "gr", "gra", "grac", "grace", "grace h", "grace ho", "user4", "user42", "user421"};

  private static long keystroke(TableView<?> table, TextField search, String typed) throws Exception {
    CountDownLatch shown = new CountDownLatch(1);
    ListChangeListener<Object> listener = c -> shown.countDown();
    long start = System.nanoTime();
    FxThread.call(() -> {
      table.getItems().addListener(listener);
      search.setText(typed);
      return null;
    });
    if (!shown.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no result for " + typed);
    }
    long elapsed = (System.nanoTime() - start) / 1_000;
    FxThread.call(() -> {
      table.getItems().removeListener(listener);
      return null;
    });
    return Math.round(elapsed / 1000.0);
  }

  private static TableView<?> waitForTable(Stage stage) throws Exception {
    for (int i = 0; i < 3000; i++) {
      Object table = FxThread.call(() -> stage.getScene().lookup("#peopleTable"));
      if (table != null) {
        return (TableView<?>) table;
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("People did not open");
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

}
