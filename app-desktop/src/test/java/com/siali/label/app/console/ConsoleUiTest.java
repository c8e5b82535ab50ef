package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.shell.RememberedStart;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.service.AccountService;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The admin console as a person uses it: the real window on headless Monocle over a real database
 * and server.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {
  @TempDir Path dir;
  Stage stage;
  ConsoleFixture fixture;
  ConsoleDriver console;

  @Start
  void start(Stage primary) {
    stage = primary;
  }

  private ConsoleDriver open(FxRobot robot, Optional<Boolean> signupVariable) {
    console = new ConsoleDriver(robot).open(stage, fixture.context(signupVariable));
    return console;
  }

  private ConsoleDriver open(FxRobot robot) {
    return open(robot, Optional.empty());
  }

  private ConsoleFixture fixture() {
    fixture = new ConsoleFixture(dir.resolve("data"));
    return fixture;
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

  private ConsoleDriver signedInAsLead(FxRobot robot) {
    fixture();
    fixture.account("lead@example.com", "Lena", "Lead");
    open(robot).signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
    return console;
  }

  @SuppressWarnings("unchecked")
  private TableView<User> table(FxRobot robot) {
    return robot.lookup("#peopleTable").queryAs(TableView.class);
  }

  @Test
  void theFirstStartCreatesTheOwnerAccount(FxRobot robot) {
    fixture();
    open(robot);
    console.waitUntil(
        "the owner form", () -> "Create the owner account".equals(console.text("#signInTitle")));
    console.type("#emailField", "lead@example.com");
    console.type("#passwordField", ConsoleFixture.PASSWORD);
    robot.clickOn("#signInButton");
    console.waitFor("#mainView");
    assertThat(console.text("#signedInName")).isEqualTo("lead@example.com");
    assertThat(fixture.services.people().findByEmail("lead@example.com"))
        .hasValueSatisfying(u -> assertThat(u.owner()).isTrue());
    console.waitUntil("the owner in the table", () -> table(robot).getItems().size() == 1);
  }

  @Test
  void aRememberedSignInOpensStraightOnPeople(FxRobot robot) {
    fixture();
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    RememberedSignIn rememberedSignIn =
        new RememberedSignIn(fixture.services.sessions(), fixture.dataDir);
    rememberedSignIn.remember(lead);

    var remembered = RememberedStart.read(rememberedSignIn, fixture.services.people());
    console = new ConsoleDriver(robot).open(stage, fixture.context(Optional.empty()), remembered);

    // On screen from the first frame, the table filled: the sign-in screen is never built.
    assertThat(console.shows("#mainView")).isTrue();
    assertThat(robot.lookup("#signInTitle").tryQuery()).isEmpty();
    assertThat(console.text("#signedInName")).isEqualTo("Lena Lead");
    assertThat(table(robot).getItems())
        .extracting(u -> u.email().value())
        .containsExactly("lead@example.com");
    // And it goes on like a window that read the page itself: a new account appears without a
    // refresh.
    fixture.account("grace@example.com", "Grace", "Hopper");
    console.waitUntil("the new account in the table", () -> table(robot).getItems().size() == 2);
  }

  @Test
  void aWrongPasswordIsRefusedAndTheRightOneSignsIn(FxRobot robot) {
    fixture();
    fixture.account("lead@example.com");
    open(robot);
    console.waitUntil("the log-in form", () -> "Log in".equals(console.text("#signInTitle")));
    console.signIn("lead@example.com", "not my password");
    console.waitUntil("the refusal", () -> !console.text("#signInError").isEmpty());
    assertThat(console.text("#signInError")).isEqualTo(AuthenticationFailedException.MESSAGE);
    assertThat(console.shows("#mainView")).isFalse();

    console.type("#passwordField", ConsoleFixture.PASSWORD);
    robot.clickOn("#signInButton");
    console.waitFor("#mainView");
  }

  @Test
  void searchNarrowsTheTableAndTheDetailShowsProjects(FxRobot robot) {
    fixture();
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    User ada = fixture.account("ada@example.com", "Ada", "Lovelace");
    for (int i = 0; i < 30; i++) {
      fixture.account("member" + i + "@example.com", "Member", "Number" + i);
    }
    var project = fixture.services.projects().create(ada.id(), "Bird sounds", "");
    var other = fixture.services.projects().create(lead.id(), "Street signs", "");
    fixture.services.projects().annotate(other.id(), ada.id(), "{}");
    open(robot).signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
    console.waitUntil("all 32 people", () -> table(robot).getItems().size() == 32);

    robot.clickOn("#peopleSearch").write("lovel");
    console.waitUntil("only Ada", () -> table(robot).getItems().size() == 1);
    assertThat(table(robot).getItems().getFirst().email().value()).isEqualTo("ada@example.com");

    robot.interact(() -> table(robot).getSelectionModel().select(0));
    console.waitUntil(
        "the detail of Ada", () -> "Ada Lovelace".equals(console.text("#detailName")));
    console.waitUntil(
        "her projects",
        () ->
            robot.lookup("#detailCreated .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains(project.title())));
    assertThat(robot.lookup("#detailContributed .label").queryAll())
        .anyMatch(n -> ((Label) n).getText().contains("Street signs"));
    assertThat(console.text("#detailFacts")).contains("last activity");
  }

  @Test
  void ctrlFJumpsToTheSearchFromAnotherSection(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navSERVER");
    console.waitFor("#serverView");
    robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
    console.waitFor("#peopleView");
    robot.write("lena");
    console.waitUntil("the search typed", () -> "lena".equals(console.text("#peopleSearch")));
  }

  @Test
  void resetPasswordThenThatPersonLogsInWithTheNewOne(FxRobot robot) {
    signedInAsLead(robot);
    fixture.account("grace@example.com", "Grace", "Hopper");
    console.waitUntil("Grace in the table", () -> table(robot).getItems().size() == 2);
    robot.clickOn("#peopleSearch").write("grace");
    console.waitUntil("only Grace", () -> table(robot).getItems().size() == 1);
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    console.waitUntil("her detail", () -> "Grace Hopper".equals(console.text("#detailName")));
    robot.clickOn("#resetPasswordButton");
    console.waitFor("#newPasswordField");
    console.type("#newPasswordField", "graces new passphrase");
    console.confirmDialog("Set password");
    console.waitUntil("the result", () -> console.text("#peopleMessage").contains("was changed"));

    robot.clickOn("#signOutButton");
    console.signIn("grace@example.com", "graces new passphrase");
    console.waitFor("#mainView");
    assertThat(console.text("#signedInName")).isEqualTo("Grace Hopper");
  }

  @Test
  void deactivateAsksFirstAndThenLocksTheAccount(FxRobot robot) {
    signedInAsLead(robot);
    User grace = fixture.account("grace@example.com", "Grace", "Hopper");
    robot.clickOn("#peopleSearch").write("grace");
    console.waitUntil(
        "only Grace",
        () ->
            table(robot).getItems().size() == 1
                && table(robot).getItems().getFirst().id() == grace.id());
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    console.waitUntil("her detail", () -> "Grace Hopper".equals(console.text("#detailName")));
    robot.clickOn("#deactivateButton");
    console.confirmDialog("Deactivate");
    console.waitUntil("the result", () -> console.text("#peopleMessage").contains("deactivated"));
    assertThat(fixture.services.people().get(grace.id()).active()).isFalse();
    console.waitUntil("the status", () -> console.text("#detailStatus").contains("deactivated"));
    assertThat(console.text("#deactivateButton")).isEqualTo("Activate");
  }

  @Test
  void aSignUpOnTheLanAppearsWithinTwoSeconds(FxRobot robot) {
    signedInAsLead(robot);
    console.waitUntil("the lead", () -> table(robot).getItems().size() == 1);
    fixture.account("newcomer@example.com");
    long asked = System.nanoTime();
    console.waitUntil("the newcomer", () -> table(robot).getItems().size() == 2);
    assertThat((System.nanoTime() - asked) / 1_000_000)
        .as("milliseconds until shown")
        .isLessThan(2_000);
  }

  @Test
  void resetLinkChangesTheLinkAndItsQrCode(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navADD_PEOPLE");
    console.waitUntil("the link", () -> console.text("#inviteLink").contains("token="));
    String before = console.text("#inviteLink");
    String oldToken = fixture.services.invitations().currentToken();
    assertThat(before).endsWith(oldToken);
    Image qrBefore = robot.lookup("#inviteQr").queryAs(ImageView.class).getImage();
    assertThat(qrBefore).isNotNull();

    robot.clickOn("#resetLink");
    console.confirmDialog("Reset Link");
    console.waitUntil("a new link", () -> !console.text("#inviteLink").equals(before));
    assertThat(fixture.services.invitations().accepts(oldToken)).isFalse();
    assertThat(console.text("#inviteLink")).endsWith(fixture.services.invitations().currentToken());
    assertThat(robot.lookup("#inviteQr").queryAs(ImageView.class).getImage()).isNotSameAs(qrBefore);
  }

  @Test
  void aLinkResetThroughTheApiChangesAddPeopleAndWhatCopyCopies(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#navADD_PEOPLE");
    console.waitUntil("the link", () -> console.text("#inviteLink").contains("token="));
    String before = console.text("#inviteLink");
    Image qrBefore = robot.lookup("#inviteQr").queryAs(ImageView.class).getImage();

    User lead = fixture.services.people().findByEmail("lead@example.com").orElseThrow();
    assertThat(fixture.api("POST", "/api/invite/reset-token", lead, "").statusCode())
        .isEqualTo(201);
    String current = fixture.services.invitations().currentToken();
    console.waitUntil(
        "the new link, within a second", () -> console.text("#inviteLink").endsWith(current));
    assertThat(console.text("#inviteLink")).isNotEqualTo(before);
    assertThat(robot.lookup("#inviteQr").queryAs(ImageView.class).getImage()).isNotSameAs(qrBefore);
    robot.clickOn("#copyLink");
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).isEqualTo(console.text("#inviteLink")).endsWith(current);
  }

  @Test
  void aNameSetThroughTheApiAppearsInAccountAndTheSidebar(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#navACCOUNT");
    console.waitUntil("the form", () -> "Lena".equals(console.text("#firstNameField")));
    User lead = fixture.services.people().findByEmail("lead@example.com").orElseThrow();
    var answer =
        fixture.api("PATCH", "/api/users/" + lead.id() + "/", lead, "{\"first_name\": \"Helena\"}");
    assertThat(answer.statusCode()).isEqualTo(200);
    console.waitUntil("the new name", () -> "Helena".equals(console.text("#firstNameField")));
    console.waitUntil("the sidebar", () -> "Helena Lead".equals(console.text("#signedInName")));
  }

  @Test
  void aStaleSaveIsRefusedAndShowsTheNewValues(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#navACCOUNT");
    console.waitUntil("the form", () -> "Lena".equals(console.text("#firstNameField")));
    console.type("#firstNameField", "Mine");
    User lead = fixture.services.people().findByEmail("lead@example.com").orElseThrow();
    fixture.services.accounts().updateProfile(lead.id(), new ProfileUpdate("Theirs", "Lead", ""));
    robot.clickOn("#saveProfile");
    console.waitUntil(
        "the refusal",
        () -> AccountService.PROFILE_CHANGED_ELSEWHERE.equals(console.text("#accountMessage")));
    console.waitUntil("the new values", () -> "Theirs".equals(console.text("#firstNameField")));
    assertThat(fixture.services.people().get(lead.id()).firstName()).isEqualTo("Theirs");
  }

  @Test
  void theSignupSwitchIsLockedWhenTheVariableDecides(FxRobot robot) {
    fixture();
    fixture.account("lead@example.com");
    open(robot, Optional.of(true)).signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
    robot.clickOn("#navADD_PEOPLE");
    console.waitFor("#lockNote");
    assertThat(robot.lookup("#openSignupSwitch").query().isDisabled()).isTrue();
    assertThat(console.text("#lockNote")).contains("LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK");
  }

  @Test
  void aChosenPictureIsStoredAndShown(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#navACCOUNT");
    console.waitFor("#accountView");
    console.nextPicture.set(ConsoleFixture.pictureFile(dir, 640, 480));
    robot.clickOn("#choosePicture");
    console.waitUntil(
        "the picture",
        () ->
            robot.lookup("#accountPicture .image-view").queryAs(ImageView.class).getImage()
                != null);
    assertThat(console.text("#accountMessage")).contains("picture was updated");
    assertThat(fixture.services.people().findByEmail("lead@example.com").orElseThrow().avatar())
        .isPresent();
  }

  @Test
  void theApiTokenIsShownAndReset(FxRobot robot) {
    signedInAsLead(robot);
    User lead = fixture.services.people().findByEmail("lead@example.com").orElseThrow();
    String token = fixture.services.apiTokens().tokenOf(lead.id());
    robot.clickOn("#navACCOUNT");
    console.waitFor("#apiToken");
    assertThat(console.text("#apiToken")).doesNotContain(token);
    robot.clickOn("#showToken");
    console.waitUntil("the token", () -> token.equals(console.text("#apiToken")));
    robot.clickOn("#resetToken");
    console.confirmDialog("Reset token");
    console.waitUntil("a new token", () -> !token.equals(console.text("#apiToken")));
    assertThat(console.text("#apiToken"))
        .isEqualTo(fixture.services.apiTokens().tokenOf(lead.id()));
    assertThat(fixture.services.apiTokens().authenticate(token)).isEmpty();
  }

  @Test
  void closingAsksFirstWhileCollaboratorsAreSignedIn(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    User grace = fixture.account("grace@example.com");
    fixture.services.sessions().start(grace.id(), false);
    console.requestClose(stage);
    console.confirmDialog("Cancel");
    assertThat(console.quit.getCount()).as("cancel keeps the server running").isEqualTo(1);
    assertThat(stage.isShowing()).isTrue();

    console.requestClose(stage);
    console.confirmDialog("Stop and close");
    assertThat(console.quit.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closingWithNobodyElseSignedInStopsAtOnce(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    console.requestClose(stage);
    assertThat(console.quit.await(5, TimeUnit.SECONDS)).isTrue();
    console.assertNoDialogLeft();
  }

  @Test
  void theServerSectionWarnsAboutPlainHttp(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#navSERVER");
    console.waitFor("#plainHttpWarning");
    assertThat(console.text("#serverState")).isEqualTo("Running");
    assertThat(console.text("#serverPort")).isEqualTo("Port " + fixture.server.port());
    assertThat(robot.lookup("#serverUrls .label").queryAll())
        .anyMatch(n -> ((Label) n).getText().equals(fixture.server.urls().getFirst()));
    assertThat(robot.lookup("#serverQr").queryAs(ImageView.class).getImage()).isNotNull();
    assertThat(console.text("#statusServing"))
        .as("the Server screen says it once, in its card")
        .startsWith("Serving at")
        .doesNotContain("plain HTTP");
  }
}
