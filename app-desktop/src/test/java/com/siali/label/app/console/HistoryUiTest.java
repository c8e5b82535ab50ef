package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.history.HistoryModel;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #17 item 5 in the real window: History (the owner's) shows the audit log newest first, a
 * change made over the API appears within a second (the change feed), typing searches, a person's
 * detail opens their own history, and what the window does is recorded with the signed-in owner as
 * actor; its exports parse back.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryUiTest {
  @TempDir Path dir;
  Stage stage;
  ConsoleFixture fixture;
  ConsoleDriver console;
  User lead;
  User collab;

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
    lead = fixture.account("lead@example.com", "Lena", "Lead");
    collab = fixture.account("collab@example.com", "Col", "Lab");
    console = new ConsoleDriver(robot).open(stage, fixture.context());
    console.signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
  }

  @SuppressWarnings("unchecked")
  private static TableView<AuditEntry> table(FxRobot robot) {
    return robot.lookup("#historyTable").queryAs(TableView.class);
  }

  private static List<AuditEntry> rows(FxRobot robot) {
    AtomicReference<List<AuditEntry>> rows = new AtomicReference<>();
    robot.interact(() -> rows.set(List.copyOf(table(robot).getItems())));
    return rows.get();
  }

  @Test
  void historyShowsNewEventsWithinASecondAndSearchesAsYouType(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#navHISTORY");
    console.waitFor("#historyTable");
    console.waitUntil(
        "the log-in, the two sign-ups and their names",
        () -> rows(robot).size() == 5 && rows(robot).getFirst().action() == AuditAction.LOGGED_IN);
    assertThat(rows(robot).getFirst().channel()).isEqualTo("window");

    var patched =
        fixture.api("PATCH", "/api/users/" + collab.id() + "/", collab, "{\"phone\": \"123\"}");
    long before = System.nanoTime(); // the change has committed when the API answers
    assertThat(patched.statusCode()).isEqualTo(200);
    console.waitUntil(
        "the API's change on top",
        () -> rows(robot).getFirst().action() == AuditAction.PROFILE_CHANGED);
    long millis = (System.nanoTime() - before) / 1_000_000;
    assertThat(millis).as("shown within a second of the change").isLessThan(1_000);
    assertThat(rows(robot).getFirst().clientAddress()).isEqualTo("127.0.0.1");

    robot.clickOn("#historySearch").write("collab");
    console.waitUntil(
        "only collab's events",
        () ->
            rows(robot).size() == 3
                && rows(robot).stream().allMatch(e -> e.subject().equals("collab@example.com")));
    shot("history-window");
  }

  @Test
  void aPersonsDetailOpensTheirHistoryAndTheWindowIsTheChannel(FxRobot robot) {
    signedInAsLead(robot);
    robot.clickOn("#peopleSearch").write("collab");
    console.waitUntil(
        "only collab",
        () -> robot.lookup("#peopleTable").queryAs(TableView.class).getItems().size() == 1);
    robot.interact(
        () -> robot.lookup("#peopleTable").queryAs(TableView.class).getSelectionModel().select(0));
    console.waitUntil("the detail", () -> "Col Lab".equals(console.text("#detailName")));
    robot.clickOn("#signOutEverywhereButton");
    console.confirmDialog("Sign out");
    console.waitUntil("done", () -> console.text("#peopleMessage").contains("signed out"));
    robot.clickOn("#personHistoryButton");
    console.waitFor("#historyTable");
    console.waitUntil(
        "collab's sign-up, name and the sessions ended",
        () ->
            rows(robot).size() == 3
                && rows(robot).getFirst().action() == AuditAction.SESSIONS_ENDED);
    AuditEntry ended = rows(robot).getFirst();
    assertThat(ended.actorId()).contains(lead.id());
    assertThat(ended.actor()).isEqualTo("lead@example.com");
    assertThat(ended.channel()).isEqualTo("window");
    assertThat(console.text("#historyPerson")).isEqualTo("Person: collab@example.com");
    robot.clickOn("#historyClear");
    console.waitUntil("everything again", () -> rows(robot).size() == 6);
  }

  @Test
  void theExportsWriteEveryEventTheFiltersSelect(FxRobot robot) throws Exception {
    fixture = new ConsoleFixture(dir.resolve("data"));
    lead = fixture.account("lead@example.com");
    collab = fixture.account("=collab@example.com");
    var signedIn = new SimpleObjectProperty<>(lead);
    var model =
        new HistoryModel(fixture.services.audit(), Background.inline(), signedIn, ZoneOffset.UTC);
    Path csv = dir.resolve("history.csv");
    Path jsonl = dir.resolve("history.jsonl");
    model.export(csv, AuditFormat.CSV);
    model.export(jsonl, AuditFormat.JSONL);
    assertThat(model.status().textProperty().get()).contains("history.jsonl");
    List<String> csvLines = Files.readString(csv).lines().toList();
    assertThat(csvLines).hasSize(3);
    assertThat(csvLines.getFirst()).isEqualTo(AuditFormat.CSV_HEADER);
    assertThat(csvLines.get(1)).contains(",'=collab@example.com,", ",signed_up,");
    assertThat(Files.readString(jsonl).lines())
        .hasSize(2)
        .first()
        .asString()
        .contains("\"subject\":\"=collab@example.com\"");
    assertThat(Files.exists(dir.resolve("history.csv.part"))).isFalse();

    model.actionProperty().set(AuditAction.LOGGED_IN);
    model.export(csv, AuditFormat.CSV);
    assertThat(Files.readString(csv).lines()).hasSize(1);
  }

  private void shot(String name) throws Exception {
    WindowShots.save(stage, name);
  }
}
