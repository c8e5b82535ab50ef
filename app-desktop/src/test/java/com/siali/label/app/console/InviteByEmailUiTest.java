package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.addpeople.InviteByEmailModel.Row;
import com.siali.label.model.PersonalInvitation.Status;
import com.siali.label.model.User;
import com.siali.label.service.PersonalInvitations;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #17 item 3 in the window: Add People's "Invite by email" makes a link per pasted address
 * (Copy, QR code), says which addresses were refused, lists every invitation with its status,
 * revokes one or all, and follows invitations made elsewhere within a second.
 */
@ExtendWith(ApplicationExtension.class)
class InviteByEmailUiTest {
  @TempDir Path dir;
  Stage stage;
  ConsoleFixture fixture;
  ConsoleDriver console;
  User lead;

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

  private void signedIn(FxRobot robot, String email) {
    console = new ConsoleDriver(robot).open(stage, fixture.context());
    console.signIn(email, ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
    robot.clickOn("#navADD_PEOPLE");
    console.waitUntil("the shared link", () -> console.text("#inviteLink").contains("token="));
  }

  @SuppressWarnings("unchecked")
  private static TableView<Row> table(FxRobot robot) {
    return robot.lookup("#invitationsTable").queryAs(TableView.class);
  }

  private static void fire(FxRobot robot, Node button) {
    robot.interact(((Button) button)::fire);
  }

  @Test
  void pastedAddressesEachGetALinkWithCopyAndQrAndTheListFollows(FxRobot robot) throws Exception {
    fixture = new ConsoleFixture(dir.resolve("data"));
    lead = fixture.account("lead@example.com", "Lena", "Lead");
    fixture.account("member@example.com");
    signedIn(robot, "lead@example.com");
    assertThat(console.shows("#inviteByEmail")).isTrue();
    assertThat(console.text("#inviteLink")).as("the shared link stays").contains("token=");

    TextArea emails = robot.lookup("#inviteEmails").queryAs(TextArea.class);
    robot.interact(
        () ->
            emails.setText(
                "ada@example.com, grace@example.com\nnot-an-address\nmember@example.com"));
    @SuppressWarnings("unchecked")
    Spinner<Integer> days = robot.lookup("#inviteDays").queryAs(Spinner.class);
    robot.interact(() -> days.getValueFactory().setValue(14));
    fire(robot, robot.lookup("#createInvites").query());

    console.waitUntil("two links", () -> robot.lookup(".issued-invitation").queryAll().size() == 2);
    List<TextField> links =
        robot.lookup(".issued-link").queryAllAs(TextField.class).stream().toList();
    assertThat(links)
        .allSatisfy(
            field -> {
              assertThat(field.getText())
                  .startsWith(fixture.server.urls().getFirst() + "user/signup/?invite=");
              assertThat(field.isEditable()).isFalse();
            });
    assertThat(robot.lookup(".issued-invitation ImageView").queryAllAs(ImageView.class))
        .hasSize(2)
        .allSatisfy(qr -> assertThat(qr.getImage()).isNotNull());
    assertThat(console.text("#inviteMessage"))
        .contains("2 links were made")
        .contains("not-an-address: Enter a valid email address.")
        .contains("member@example.com already has an account.");
    assertThat(emails.getText()).isEqualTo("not-an-address\nmember@example.com");
    console.waitUntil("two pending rows", () -> table(robot).getItems().size() == 2);
    assertThat(table(robot).getItems())
        .allSatisfy(
            row -> {
              assertThat(row.status()).isEqualTo(Status.PENDING);
              assertThat(row.invitedBy()).isEqualTo("lead@example.com");
            });
    String first = links.getFirst().getText();
    String token = first.substring(first.indexOf("invite=") + "invite=".length());
    assertThat(fixture.services.personalInvitations().check(token).verdict())
        .isEqualTo(PersonalInvitations.Verdict.OPEN);

    fire(robot, robot.lookup(".copy-issued").queryAll().iterator().next());
    String[] clip = new String[1];
    robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
    assertThat(clip[0]).isEqualTo(first);
    WindowShots.save(stage, "window-invite-by-email");

    // Made through the API elsewhere: the list shows it within a second.
    long before = System.nanoTime();
    var response =
        fixture.api("POST", "/api/invitations", lead, "{\"emails\": [\"alan@example.com\"]}");
    assertThat(response.statusCode()).isEqualTo(201);
    console.waitUntil("the API's invitation", () -> table(robot).getItems().size() == 3);
    assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(1_500);

    // Revoke one from its row, then every other pending one.
    Row grace =
        table(robot).getItems().stream()
            .filter(r -> r.email().equals("grace@example.com"))
            .findFirst()
            .orElseThrow();
    robot.interact(() -> table(robot).scrollTo(grace));
    console.waitUntil("revoke buttons", () -> !robot.lookup(".revoke-invite").queryAll().isEmpty());
    Button revokeGrace =
        robot.lookup(".revoke-invite").queryAllAs(Button.class).stream()
            .filter(b -> b.isVisible() && b.getParent() != null)
            .filter(
                b ->
                    b.getParent() instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getItem() == grace)
            .findFirst()
            .orElseThrow();
    fire(robot, revokeGrace);
    console.waitUntil(
        "grace revoked",
        () ->
            table(robot).getItems().stream()
                .anyMatch(
                    r -> r.email().equals("grace@example.com") && r.status() == Status.REVOKED));
    assertThat(fixture.services.personalInvitations().check(token).verdict())
        .as("ada's link still works")
        .isEqualTo(PersonalInvitations.Verdict.OPEN);

    // Not through interact: the confirmation is modal, and interact would wait for it to close.
    Button revokeAll = robot.lookup("#revokeAllInvites").queryButton();
    javafx.application.Platform.runLater(revokeAll::fire);
    console.confirmDialog("Revoke all");
    console.waitUntil(
        "nothing pending", () -> table(robot).getItems().stream().noneMatch(Row::pending));
    assertThat(console.text("#inviteMessage")).contains("2 pending invitations were revoked");
    assertThat(robot.lookup("#revokeAllInvites").queryButton().isDisabled()).isTrue();
    assertThat(fixture.services.personalInvitations().check(token).verdict())
        .isEqualTo(PersonalInvitations.Verdict.REVOKED);
  }

  @Test
  void aMemberSeesNoInviteByEmail(FxRobot robot) {
    fixture = new ConsoleFixture(dir.resolve("data"));
    lead = fixture.account("lead@example.com");
    fixture.account("member@example.com");
    signedIn(robot, "member@example.com");
    assertThat(console.shows("#inviteByEmail")).isFalse();
  }
}
