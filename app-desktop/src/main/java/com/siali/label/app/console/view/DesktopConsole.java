package com.siali.label.app.console.view;

import com.siali.label.app.console.model.Background;
import com.siali.label.app.console.model.ConsoleContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Starts the JavaFX toolkit in this process and opens the console window; the launcher's handle on it. */
public final class DesktopConsole {
  private final ConsoleWindow window;
  private final ExecutorService workers;

  private DesktopConsole(ConsoleWindow window, ExecutorService workers) {
    this.window = window;
    this.workers = workers;
  }

  /** Whether a window can be shown here: on Linux that needs an X11 or Wayland display. */
  public static boolean displayAvailable(Map<String, String> environment) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    return !environment.getOrDefault("DISPLAY", "").isBlank()
        || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }

  /**
   * Starts the JavaFX toolkit and loads the theme on a thread of its own, so that this happens while the
   * database opens and the server starts rather than after: start-up is the longer of the two, not their sum.
   */
  public static CompletableFuture<Void> prepare() {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("javafx-start").start(() -> {
      try {
        Platform.startup(() -> {
          try {
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
   * Shows the window once the toolkit is {@linkplain #prepare() ready}; returns once it is on screen. Throws if the
   * toolkit cannot start (for example, GTK libraries missing); the caller then goes on without the window.
   */
  public static DesktopConsole open(ConsoleContext context, CompletableFuture<Void> toolkit, Runnable onQuit)
      throws Exception {
    toolkit.get(30, TimeUnit.SECONDS);
    ExecutorService workers = Executors.newFixedThreadPool(2,
        Thread.ofPlatform().daemon().name("console-worker-", 0).factory());
    Background background = new Background(workers, Platform::runLater);
    ConsoleWindow window = new ConsoleWindow(context, background, DesktopConsole::choosePicture, () -> {
      workers.shutdown();
      onQuit.run();
      Platform.exit();
    });
    CompletableFuture<Void> shown = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        boolean dark = Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        window.show(new Stage(), dark);
        shown.complete(null);
      } catch (Throwable e) {
        shown.completeExceptionally(e);
      }
    });
    shown.get(30, TimeUnit.SECONDS);
    return new DesktopConsole(window, workers);
  }

  /** Brings the window to the front (a second {@code start}). */
  public void activate() {
    Platform.runLater(window::activate);
  }

  /** Closes the window when the application stops for another reason (Ctrl-C, SIGTERM). */
  public void close() {
    workers.shutdownNow();
    Platform.exit();
  }

  private static Optional<Path> choosePicture(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Choose a profile picture");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Pictures", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.webp"),
        new FileChooser.ExtensionFilter("All files", "*.*"));
    File file = chooser.showOpenDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }
}
