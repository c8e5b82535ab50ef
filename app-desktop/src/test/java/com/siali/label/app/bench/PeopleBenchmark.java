package com.siali.label.app.bench;

import static com.siali.label.app.bench.BenchSupport.jarClassPath;
import static com.siali.label.app.bench.BenchSupport.javaCommand;
import static com.siali.label.app.bench.BenchSupport.prepareSignedIn;

import com.siali.label.app.console.ConsoleFixture;
import com.siali.label.app.console.FxThread;
import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.shell.ConsoleModels;
import com.siali.label.app.console.shell.ConsoleWindow;
import com.siali.label.app.console.shell.RememberedStart;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import java.nio.file.Path;
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
 * People at N accounts in the real window, in a new JVM over a seeded database: time to the first
 * page, and each keystroke until the table shows its result (part of {@link ConsoleBenchmark}).
 */
final class PeopleBenchmark {
  private PeopleBenchmark() {}

  /**
   * Seeds the accounts here, then opens People in a new JVM with the application's options, as a
   * person meets it: a process that starts on an existing database, without the seeding's garbage
   * in its heap.
   */
  static void run(Path data, int accounts) throws Exception {
    prepareSignedIn(data, accounts);
    System.out.println("-- People in a new JVM without a start-up cache");
    process(List.of(), "people-rounds", data);
    // What ./label-studio's cache holds: a recording start that opened People (with its unseen
    // warm-up searches)
    // and typed nothing. An AOT cache needs jars only, so the bench's own classes go into one.
    Path cache = data.resolveSibling("people.aot");
    process(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off"), "people-recording", data);
    System.out.println(
        "-- People in a new JVM with the AOT cache of a start that opened People and typed nothing");
    process(List.of("-XX:AOTCache=" + cache), "people-rounds", data);
  }

  private static void process(List<String> options, String mode, Path data) throws Exception {
    List<String> command = javaCommand(options);
    command.addAll(
        List.of(
            "-Dprism.order=sw",
            "-cp",
            jarClassPath(data.resolveSibling("bench-classes.jar")),
            ConsoleBenchmark.class.getName(),
            mode,
            data.toString()));
    Process rounds =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (rounds.waitFor() != 0) {
      throw new IllegalStateException(mode + " failed");
    }
  }

  /**
   * Three rounds of opening People and typing; or, {@code recording}, one window that opens People
   * and waits.
   */
  static void rounds(Path data, boolean recording) throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    try (ConsoleFixture fixture = new ConsoleFixture(data)) {
      long accounts = fixture.services.people().count();
      for (int round = 0; round < 3; round++) {
        Stage stage = FxThread.call(Stage::new);
        ConsoleWindow window =
            new ConsoleWindow(
                new ConsoleModels(
                    fixture.context(),
                    new Background(Executors.newFixedThreadPool(2), Platform::runLater)),
                owner -> Optional.empty(),
                () -> {});
        long start = System.nanoTime();
        CountDownLatch firstPage = new CountDownLatch(1);
        // As DesktopConsole opens it: the remembered account and the first page are read first
        // (there, while the
        // toolkit starts), and the window opens on People with them.
        var remembered =
            RememberedStart.read(
                new RememberedSignIn(fixture.services.sessions(), fixture.dataDir),
                fixture.services.people());
        FxThread.call(
            () -> {
              window.show(stage, false, remembered);
              return null;
            });
        long shown = System.nanoTime();
        TableView<?> table = waitForTable(stage);
        FxThread.call(
            () -> {
              if (!table.getItems().isEmpty()) {
                firstPage.countDown();
              }
              table.getItems().addListener((ListChangeListener<Object>) c -> firstPage.countDown());
              return null;
            });
        firstPage.await(30, TimeUnit.SECONDS);
        long open = (System.nanoTime() - start) / 1_000_000;
        long afterShown = (System.nanoTime() - shown) / 1_000_000;
        if (recording) {
          Thread.sleep(5_000); // the unseen warm-up searches run, then the person closes the window
          break;
        }
        List<Long> keystrokes = new ArrayList<>();
        List<Long> serviceAlone = new ArrayList<>();
        TextField search =
            (TextField) FxThread.call(() -> stage.getScene().lookup("#peopleSearch"));
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
          fixture
              .services
              .people()
              .page(new UserQuery(typed, UserSort.NAME, false, 0, PeopleModel.PAGE_SIZE));
          fixture.services.people().count();
          serviceAlone.add((System.nanoTime() - t0) / 1_000_000);
          eachAlone.append(" '").append(typed).append("' ").append(serviceAlone.getLast());
        }
        System.out.println(eachAlone);
        serviceAlone.sort(null);
        System.out.printf(
            "  the same queries through the services alone: median %d ms, max %d ms%n",
            serviceAlone.get(serviceAlone.size() / 2), serviceAlone.getLast());
        FxThread.call(
            () -> {
              window.dispose();
              stage.hide();
              return null;
            });
        keystrokes.sort(null);
        backToBack.sort(null);
        System.out.printf(
            "People at %,d accounts, round %d: table open %d ms (window built and shown, then %d ms to the"
                + " first page); keystroke to table at 8 keys/s:"
                + " median %d ms, p95 %d ms, max %d ms (%d keystrokes); back to back: median %d ms, max %d ms%n",
            accounts,
            round + 1,
            open,
            afterShown,
            keystrokes.get(keystrokes.size() / 2),
            keystrokes.get((int) Math.ceil(keystrokes.size() * 0.95) - 1),
            keystrokes.getLast(),
            keystrokes.size(),
            backToBack.get(backToBack.size() / 2),
            backToBack.getLast());
      }
    }
    Platform.exit();
  }

  /** A quick typist: 8 keys a second, one keystroke every 125 ms. */
  private static final long TYPING_PACE_MILLIS = 125;

  private static final String[] TYPED = {
    "a",
    "ad",
    "ada",
    "ada ",
    "ada l",
    "ada lo",
    "ada lov",
    "ada love",
    "ada lovel",
    "g",
    "gr",
    "gra",
    "grac",
    "grace",
    "grace h",
    "grace ho",
    "user4",
    "user42",
    "user421"
  };

  private static long keystroke(TableView<?> table, TextField search, String typed)
      throws Exception {
    CountDownLatch shown = new CountDownLatch(1);
    ListChangeListener<Object> listener = c -> shown.countDown();
    long start = System.nanoTime();
    FxThread.call(
        () -> {
          table.getItems().addListener(listener);
          search.setText(typed);
          return null;
        });
    if (!shown.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no result for " + typed);
    }
    long elapsed = (System.nanoTime() - start) / 1_000;
    FxThread.call(
        () -> {
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
}
