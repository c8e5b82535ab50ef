package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.shell.ConsoleContext;
import com.siali.label.app.console.shell.ConsoleModels;
import com.siali.label.app.console.shell.ConsoleWindow;
import com.siali.label.app.console.shell.RememberedStart;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real console window in a test: opens it on the TestFX stage and waits for what a
 * person would see.
 */
final class ConsoleDriver implements AutoCloseable {
  final FxRobot robot;
  final AtomicReference<Path> nextPicture = new AtomicReference<>();
  final CountDownLatch quit = new CountDownLatch(1);
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private ConsoleWindow window;

  ConsoleDriver(FxRobot robot) {
    this.robot = robot;
  }

  ConsoleDriver open(Stage stage, ConsoleContext context) {
    return open(stage, context, Optional.empty());
  }

  /**
   * Opens it as the launcher does: with the remembered account and first page read beforehand, if
   * there is one.
   */
  ConsoleDriver open(Stage stage, ConsoleContext context, Optional<RememberedStart> remembered) {
    Background background = new Background(workers, Platform::runLater);
    window =
        new ConsoleWindow(
            new ConsoleModels(context, background),
            owner -> Optional.ofNullable(nextPicture.get()),
            quit::countDown);
    robot.interact(() -> window.show(stage, false, remembered));
    return this;
  }

  void waitUntil(String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
          });
    } catch (Exception timeout) {
      throw new AssertionError("waited 10 s for: " + what, timeout);
    }
  }

  boolean shows(String query) {
    return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
  }

  void waitFor(String query) {
    waitUntil(query + " on screen", () -> shows(query));
  }

  String text(String query) {
    Node node = robot.lookup(query).query();
    AtomicReference<String> text = new AtomicReference<>();
    robot.interact(
        () ->
            text.set(
                node instanceof TextInputControl input
                    ? input.getText()
                    : ((Labeled) node).getText()));
    return text.get();
  }

  /**
   * Fills a form field (search-as-you-type tests write key by key with {@code robot.write}
   * instead).
   */
  void type(String query, String text) {
    TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
    robot.clickOn(field);
    robot.interact(() -> field.setText(text));
  }

  /** Clicks the button of an open dialog that says {@code text}. */
  void confirmDialog(String text) {
    waitUntil("a dialog with " + text, () -> dialogButton(text).isPresent());
    robot.clickOn(dialogButton(text).orElseThrow());
  }

  private Optional<Button> dialogButton(String text) {
    return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
        .filter(b -> text.equals(b.getText()) && b.isVisible())
        .findFirst();
  }

  void signIn(String email, String password) {
    waitFor("#signInButton");
    type("#emailField", email);
    type("#passwordField", password);
    robot.clickOn("#signInButton");
  }

  /** Clicks the window's close box, as a person would. */
  void requestClose(Stage stage) {
    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
  }

  void assertNoDialogLeft() {
    assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
  }

  @Override
  public void close() throws Exception {
    if (window != null) {
      robot.interact(window::dispose);
    }
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
