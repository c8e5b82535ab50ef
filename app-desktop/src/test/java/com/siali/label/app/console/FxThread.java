package com.siali.label.app.console;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * For programs that drive the window from outside the UI thread (the screenshot tour, the
 * benchmark).
 */
public final class FxThread {
  private FxThread() {}

  /** Runs {@code work} on the JavaFX thread and returns its result, or throws its failure. */
  public static <T> T call(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get();
  }
}
