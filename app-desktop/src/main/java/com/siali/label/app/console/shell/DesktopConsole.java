package com.siali.label.app.console.shell;

import com.siali.label.app.console.common.Background;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit in this process and opens the console window; the launcher's handle on
 * it.
 */
public final class DesktopConsole {
  private static final Logger LOG = LoggerFactory.getLogger(DesktopConsole.class);

  /** Set once the window or the process began to close. */
  private static volatile boolean exiting;

  private final ConsoleWindow window;
  private final ExecutorService workers;

  private DesktopConsole(ConsoleWindow window, ExecutorService workers) {
    this.window = window;
    this.workers = workers;
  }

  /** Kept so the JDK cannot collect the loggers and forget their level. */
  private static final List<java.util.logging.Logger> TOOLKIT_LOGGERS = new ArrayList<>();

  /**
   * JavaFX warns on the terminal that it runs from the class path ("Unsupported JavaFX
   * configuration"), which is how {@code ./label-studio} runs it (the package links it as modules);
   * the terminal is for our own messages.
   */
  private static void quietToolkitLog() {
    for (String name : new String[] {"javafx", "com.sun.javafx.application.PlatformImpl"}) {
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
      logger.setLevel(Level.SEVERE);
      TOOLKIT_LOGGERS.add(logger);
    }
  }

  /** Whether a window can be shown here: on Linux that needs an X11 or Wayland display. */
  public static boolean displayAvailable(Map<String, String> environment) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    return !environment.getOrDefault("DISPLAY", "").isBlank()
        || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }

  /**
   * Starts the JavaFX toolkit and loads the theme on a thread of its own, so that this happens
   * while the database opens and the server starts rather than after: start-up is the longer of the
   * two, not their sum.
   */
  public static CompletableFuture<Void> prepare() {
    quietToolkitLog();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("javafx-start")
        .start(
            () -> {
              try {
                Platform.startup(
                    () -> {
                      try {
                        Thread.currentThread()
                            .setUncaughtExceptionHandler(DesktopConsole::uncaughtOnUiThread);
                        Platform.setImplicitExit(false);
                        Theme.preload();
                        ready.complete(null);
                      } catch (Throwable e) {
                        ready.completeExceptionally(e);
                      }
                    });
              } catch (Throwable e) {
                ready.completeExceptionally(e);
              }
            });
    return ready;
  }

  /**
   * Shows the window once the toolkit is {@linkplain #prepare() ready}, on People when {@code
   * rememberedStart} (read by the launcher beside the server's start) holds a remembered account;
   * returns once it is on screen. Throws if the toolkit cannot start (for example, GTK libraries
   * missing); the caller then goes on without the window.
   */
  public static DesktopConsole open(
      ConsoleContext context,
      CompletableFuture<Void> toolkit,
      CompletableFuture<Optional<RememberedStart>> rememberedStart,
      Runnable onQuit)
      throws Exception {
    toolkit.get(30, TimeUnit.SECONDS);
    Optional<RememberedStart> remembered = whatToOpenOn(rememberedStart);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().daemon().name("console-worker-", 0).factory());
    Background background = new Background(workers, Platform::runLater);
    ConsoleWindow window =
        new ConsoleWindow(
            new ConsoleModels(context, background),
            DesktopConsole::choosePicture,
            () -> {
              exiting = true;
              workers.shutdown();
              onQuit.run();
              Platform.exit();
            });
    CompletableFuture<Void> shown = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            boolean dark = Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
            window.show(new Stage(), dark, remembered);
            shown.complete(null);
          } catch (Throwable e) {
            shown.completeExceptionally(e);
          }
        });
    shown.get(30, TimeUnit.SECONDS);
    return new DesktopConsole(window, workers);
  }

  /** The remembered start, or none (the sign-in screen) if it could not be read. */
  private static Optional<RememberedStart> whatToOpenOn(
      CompletableFuture<Optional<RememberedStart>> remembered) {
    try {
      return remembered.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot read the remembered sign-in; opening on the sign-in screen", e);
      return Optional.empty();
    }
  }

  /**
   * Shows why Siali Label could not start (a busy port, say) and waits until it is read: started
   * from the desktop menu, there is no terminal to print it on. Does nothing if the toolkit did not
   * start.
   */
  public static void showStartupError(CompletableFuture<Void> toolkit, String message) {
    try {
      toolkit.get(30, TimeUnit.SECONDS);
      CompletableFuture<Void> closed = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            try {
              Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
              alert.setTitle("Siali Label");
              alert.setHeaderText("Siali Label could not start");
              alert.getDialogPane().setMinWidth(460);
              alert.showAndWait();
            } finally {
              closed.complete(null);
            }
          });
      closed.get();
    } catch (Exception | LinkageError noWindow) {
      // the message is on stderr already
    }
  }

  /** Brings the window to the front (a second {@code start}). */
  public void activate() {
    Platform.runLater(window::activate);
  }

  /**
   * The application stops for another reason than the window (Ctrl-C, SIGTERM: this runs in a
   * shutdown hook). The toolkit is left to the JVM's exit, which ends the process and its window: a
   * waiting {@code Platform.exit()} here could hang the exit for good (seen with GTK), and even a
   * non-waiting one closes the window while JavaFX's own shutdown hook disposes the graphics
   * pipeline, which makes JavaFX print a NullPointerException on the terminal.
   */
  public void close() {
    exiting = true;
    workers.shutdownNow();
  }

  /**
   * Errors thrown on the UI thread go to the log, not the terminal. Once the process is exiting
   * they are expected: JavaFX's own shutdown hook disposes the graphics pipeline while ours asks
   * the toolkit to exit, and an event still delivered in between (GTK sends one as a window closes)
   * fails inside JavaFX.
   */
  private static void uncaughtOnUiThread(Thread thread, Throwable error) {
    if (exiting) {
      LOG.debug("UI event after the toolkit began to exit", error);
    } else {
      LOG.error("Unexpected error on the window's thread", error);
    }
  }

  private static Optional<Path> choosePicture(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Choose a profile picture");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Pictures", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.webp"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    File file = chooser.showOpenDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }
}
