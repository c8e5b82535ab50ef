package com.siali.label.app.console.common;

import com.siali.label.model.AuditContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the console's slow work (database, Argon2, image decoding) off the UI thread and hands the
 * result or a clear message back on it. The view shows progress while {@link #busyProperty()} is
 * true.
 *
 * <p>Calls come from the UI thread; the two executors are the worker pool and {@code
 * Platform::runLater} in the window, and both are "run now" in view-model tests, so those run
 * without a toolkit.
 */
public final class Background {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);
  private final Executor worker;
  private final Executor ui;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private int running;
  private volatile Supplier<AuditContext> actingAs = () -> AuditContext.window(Optional.empty());

  public Background(Executor worker, Executor ui) {
    this.worker = worker;
    this.ui = ui;
  }

  /**
   * Worker and UI are the calling thread: for tests and for code that is already off the UI thread.
   */
  public static Background inline() {
    return new Background(Runnable::run, Runnable::run);
  }

  /**
   * Who the work is done for, read when it is handed over (on the UI thread) and bound around it on
   * the worker, so that the audit log names the signed-in account and the window.
   */
  public void actAs(Supplier<AuditContext> context) {
    actingAs = context;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<String> failed) {
    started();
    AuditContext context = actingAs.get();
    worker.execute(
        () -> {
          T result;
          try {
            result = context.call(work);
          } catch (Throwable e) {
            String message = UserMessages.describe(e);
            ui.execute(
                () -> {
                  finished();
                  failed.accept(message);
                });
            return;
          }
          ui.execute(
              () -> {
                finished();
                done.accept(result);
              });
        });
  }

  /** Like {@link #run} for work without a result. */
  public void run(Action work, Runnable done, Consumer<String> failed) {
    run(
        () -> {
          work.run();
          return Boolean.TRUE;
        },
        ignored -> done.run(),
        failed);
  }

  /**
   * Work nobody asked for and nobody waits on (getting ready for what the person will likely do
   * next): no progress bar, no result, and a failure is only logged, since nothing the person did
   * failed.
   */
  public void runUnseen(Action work) {
    AuditContext context = actingAs.get();
    worker.execute(
        () -> {
          try {
            context.call(
                () -> {
                  work.run();
                  return null;
                });
          } catch (Throwable e) {
            LOG.debug("background preparation failed", e);
          }
        });
  }

  /** Runs {@code action} on the UI thread (at once, for {@link #inline()}). */
  public void onUi(Runnable action) {
    ui.execute(action);
  }

  private void started() {
    running++;
    busy.set(true);
  }

  private void finished() {
    running--;
    busy.set(running > 0);
  }

  /** A piece of work that may throw; its failure becomes a message. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }
}
