package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #15's window defects, each as a person meets it: the owner form after an error, Account's
 * first frame, Copy's "Copied", the confirmation dialogs, the sign-up switch, the alignment of the
 * password fields, and the wording of Add People and Server.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPolishUiTest {
  @TempDir Path dir;
  Stage stage;
  ConsoleFixture fixture;
  ConsoleDriver console;

  @Start
  void start(Stage primary) {
    stage = primary;
  }

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private void signedInAsLead(FxRobot robot) {
    fixture = new ConsoleFixture(dir.resolve("data"));
    fixture.account("lead@example.com", "Lena", "Lead");
    console = new ConsoleDriver(robot).open(stage, fixture.context(Optional.empty()));
    console.signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
  }

  /**
   * Read on the FX thread: bounds are computed lazily, and a read from the test thread races the
   * pulse's own computation (JavaFX's {@code Parent.updateCachedBounds} then fails with an index of
   * -1, as one clean CI run did).
   */
  private static Bounds onScene(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    AtomicReference<Bounds> bounds = new AtomicReference<>();
    robot.interact(() -> bounds.set(node.localToScene(node.getBoundsInLocal())));
    return bounds.get();
  }

  @Test
  void theOwnerFormAsksOnceClearsThePasswordAfterAnErrorAndDoesNotJump(FxRobot robot) {
    fixture = new ConsoleFixture(dir.resolve("data"));
    console = new ConsoleDriver(robot).open(stage, fixture.context(Optional.empty()));
    console.waitUntil(
        "the owner form", () -> "Create the owner account".equals(console.text("#signInTitle")));
    assertThat(robot.lookup("#passwordAgainField").tryQuery())
        .as("one password field, as on the LAN pages")
        .isEmpty();
    double cardTop = onScene(robot, ".sign-in-card").getMinY();
    double buttonTop = onScene(robot, "#signInButton").getMinY();
    console.type("#emailField", "lead@example.com");
    console.type("#passwordField", "password");
    robot.clickOn("#signInButton");
    console.waitUntil("the refusal", () -> !console.text("#signInError").isEmpty());
    assertThat(console.text("#passwordField")).as("the refused password is cleared").isEmpty();
    assertThat(onScene(robot, ".sign-in-card").getMinY()).as("the card stays").isEqualTo(cardTop);
    assertThat(onScene(robot, "#signInButton").getMinY()).isEqualTo(buttonTop);
  }

  @Test
  void accountShowsTheInitialsOnFirstOpenAndLinesUpThePasswordFields(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navACCOUNT");
    console.waitFor("#accountView");
    assertThat(console.text("#accountPicture .avatar-initials")).isEqualTo("LL");
    assertThat(onScene(robot, "#currentPasswordField").getMinX())
        .as("the password fields start where the profile fields do")
        .isEqualTo(onScene(robot, "#phoneField").getMinX());
    assertThat(onScene(robot, "#newPasswordField").getWidth())
        .isEqualTo(onScene(robot, "#phoneField").getWidth());
    assertThat(robot.lookup("#newPasswordAgainField").tryQuery()).as("asked once").isEmpty();
    assertThat(
            robot.lookup(".label").queryAllAs(Label.class).stream()
                .map(Labeled::getText)
                .filter(t -> t.contains("up to 5 "))
                .toList())
        .containsExactly("PNG, JPEG, GIF or WebP, up to 5 MiB; it is cropped to a square.");
  }

  @Test
  void copiedGoesBackToCopyAndTheLinkFieldKeepsItsWidth(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navADD_PEOPLE");
    console.waitUntil("the link", () -> console.text("#inviteLink").contains("token="));
    double width = onScene(robot, "#inviteLink").getWidth();
    robot.clickOn("#copyLink");
    assertThat(console.text("#copyLink")).isEqualTo("Copied");
    assertThat(onScene(robot, "#inviteLink").getWidth()).isEqualTo(width);
    console.waitUntil(
        "Copy again after about two seconds", () -> "Copy".equals(console.text("#copyLink")));
    assertThat(
            robot.lookup("#addPeopleView .label").queryAllAs(Label.class).stream()
                .map(Labeled::getText)
                .filter(t -> t.startsWith("Send this link"))
                .findFirst()
                .orElseThrow())
        .contains("on their own computer or phone")
        .doesNotContain("on this computer");
  }

  @Test
  void theSignupSwitchStaysPutAndItsMessageIsBesideIt(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navADD_PEOPLE");
    console.waitFor("#openSignupSwitch");
    Bounds before = onScene(robot, "#openSignupSwitch");
    robot.clickOn("#openSignupSwitch");
    console.waitFor("#signupSwitchMessage");
    assertThat(onScene(robot, "#openSignupSwitch")).isEqualTo(before);
    Bounds message = onScene(robot, "#signupSwitchMessage");
    assertThat(message.getMinX()).as("to the right of the switch").isGreaterThan(before.getMaxX());
    assertThat(message.getCenterY())
        .isCloseTo(before.getCenterY(), org.assertj.core.data.Offset.offset(8.0));
    assertThat(console.shows("#addPeopleMessage")).as("not in the link card").isFalse();
    robot.clickOn("#openSignupSwitch");
    console.waitUntil(
        "the second click lands",
        () -> console.text("#signupSwitchMessage").startsWith("Anyone who can reach"));
    assertThat(fixture.services.invitations().openSignupAllowed()).isTrue();
  }

  @Test
  void confirmationsLookLikeTheWindow(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navADD_PEOPLE");
    console.waitFor("#resetLink");
    robot.clickOn("#resetLink");
    console.waitUntil("the dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getStyleClass()).contains("console-dialog");
    assertThat(pane.getStylesheets()).isEqualTo(stage.getScene().getStylesheets());
    assertThat(pane.getGraphic()).as("no JavaFX question mark").isNull();
    assertThat(pane.getHeader()).isNull();
    Button action =
        robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
            .filter(b -> "Reset Link".equals(b.getText()))
            .findFirst()
            .orElseThrow();
    assertThat(action.getStyleClass()).contains(Styles.ACCENT);
    console.confirmDialog("Cancel");
  }

  @Test
  void theServerScreenWarnsAboutPlainHttpOnce(FxRobot robot) {
    signedInAsLead(robot);
    assertThat(console.text("#statusServing")).contains("plain HTTP");
    robot.clickOn("#navSERVER");
    console.waitFor("#plainHttpWarning");
    console.waitUntil("one warning", () -> !console.text("#statusServing").contains("plain HTTP"));
    assertThat(
            robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .filter(l -> l.getText().contains("plain HTTP"))
                .count())
        .isEqualTo(1);
    robot.clickOn("#navPEOPLE");
    console.waitUntil(
        "the bar warns again", () -> console.text("#statusServing").contains("plain HTTP"));
  }
}
