package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * Issue #15 items 1 and 10 in the real window: People at the default width fills it, cuts no date
 * or "last activity", gives long values a tooltip, lets the user hide columns, shows the username
 * for a person without a name and a badge for a deactivated one; "Reset password…" offers the
 * one-time link with Copy beside the generated password with its own Copy.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleWindowUiTest {
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

  private ConsoleDriver signedInAsLead(FxRobot robot) {
    fixture = new ConsoleFixture(dir.resolve("data"));
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    fixture.account("ada.lovelace.countess.of.lovelace@analytical-engines.example.org");
    User gone = fixture.account("gone@example.com", "Gone", "Away");
    fixture.services.administration().setActive(lead.id(), gone.id(), false);
    console = new ConsoleDriver(robot).open(stage, fixture.context());
    console.signIn("lead@example.com", ConsoleFixture.PASSWORD);
    console.waitFor("#mainView");
    console.waitUntil("three people", () -> table(robot).getItems().size() == 3);
    return console;
  }

  @SuppressWarnings("unchecked")
  private static TableView<User> table(FxRobot robot) {
    return robot.lookup("#peopleTable").queryAs(TableView.class);
  }

  private static List<TableCell<?, ?>> cells(FxRobot robot) {
    return robot.lookup("#peopleTable .table-cell").queryAll().stream()
        .filter(n -> n instanceof TableCell<?, ?> c && c.getItem() != null && c.isVisible())
        .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
        .toList();
  }

  /** The text the cell draws: shorter than its value when the cell cut it ("…"). */
  private static String drawn(TableCell<?, ?> cell) {
    return cell.lookupAll(".text").stream()
        .filter(n -> n instanceof javafx.scene.text.Text)
        .map(n -> ((javafx.scene.text.Text) n).getText())
        .findFirst()
        .orElse("");
  }

  private void shot(String name) throws Exception {
    WindowShots.save(stage, name);
  }

  @Test
  void peopleFillsTheDefaultWidthCutsNoDateAndGivesTooltips(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    TableView<User> table = table(robot);
    console.waitUntil("cells drawn", () -> !cells(robot).isEmpty());
    assertThat(stage.getWidth()).isEqualTo(1180);
    assertThat(table.isTableMenuButtonVisible()).as("columns can be hidden").isTrue();

    double columns =
        table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    Node header = table.lookup(".column-header-background");
    assertThat(columns)
        .as("the columns fill the table")
        .isGreaterThan(
            table.getWidth()
                - header.lookup(".show-hide-columns-button").getLayoutBounds().getWidth()
                - 24);

    for (TableCell<?, ?> cell : cells(robot)) {
      String id = cell.getTableColumn().getId();
      if (id != null && Set.of("lastActivityColumn", "joinedColumn").contains(id)) {
        assertThat(drawn(cell)).as("a date is never cut").isEqualTo(cell.getText());
      }
      if (cell.getText() != null && !cell.getText().isEmpty()) {
        assertThat(cell.getTooltip()).as("tooltip of " + cell.getText()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
      }
    }
    List<String> names =
        cells(robot).stream()
            .filter(c -> "nameColumn".equals(c.getTableColumn().getId()))
            .map(TableCell::getText)
            .toList();
    assertThat(names)
        .contains("ada.lovelace.countess.of.lovelace")
        .doesNotContain("ada.lovelace.countess.of.lovelace@analytical-engines.example.org");
    assertThat(robot.lookup(".badge-deactivated").queryAllAs(Label.class))
        .anyMatch(l -> l.isVisible() && l.getText().equals("deactivated"));
    shot("window-people-1180");

    TableColumn<User, ?> email =
        table.getColumns().stream()
            .filter(c -> "emailColumn".equals(c.getId()))
            .findFirst()
            .orElseThrow();
    // What the table menu's Email item does (the menu button is asserted above; its popup's items
    // are not reachable by TestFX's lookups under Monocle).
    robot.interact(() -> email.setVisible(false));
    console.waitUntil("Email hidden", () -> !table.getVisibleLeafColumns().contains(email));
    double after = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    assertThat(after).as("the others take its room").isGreaterThan(columns - 30);

    // Cells keep one tooltip each and change its text: after a search it still names what the
    // cell shows, and a cell left empty has none.
    robot.clickOn("#peopleSearch").write("ada");
    console.waitUntil("only Ada", () -> table.getItems().size() == 1);
    console.waitUntil(
        "only Ada drawn",
        () ->
            cells(robot).stream()
                    .filter(c -> "nameColumn".equals(c.getTableColumn().getId()))
                    .count()
                == 1);
    List<TableCell<?, ?>> all =
        robot.lookup("#peopleTable .table-cell").queryAll().stream()
            .filter(n -> n instanceof TableCell<?, ?>)
            .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
            .toList();
    assertThat(all).anyMatch(TableCell::isEmpty);
    for (TableCell<?, ?> cell : all) {
      if (cell.isEmpty() || cell.getText() == null || cell.getText().isEmpty()) {
        assertThat(cell.getTooltip()).as("an empty cell has no tooltip").isNull();
      } else {
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
      }
    }
  }

  @Test
  void resetPasswordOffersTheOneTimeLinkAndCopyButtons(FxRobot robot) throws Exception {
    signedInAsLead(robot);
    robot.clickOn("#peopleSearch").write("ada");
    console.waitUntil("only Ada", () -> table(robot).getItems().size() == 1);
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    console.waitUntil(
        "the detail, by username",
        () -> "ada.lovelace.countess.of.lovelace".equals(console.text("#detailName")));
    robot.clickOn("#resetPasswordButton");
    console.waitFor("#makeResetLink");
    robot.clickOn("#copyNewPassword");
    String password = console.text("#newPasswordField");
    AtomicReference<String> clip = new AtomicReference<>();
    robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
    assertThat(clip.get()).isEqualTo(password);

    robot.clickOn("#makeResetLink");
    console.waitUntil(
        "the link", () -> console.text("#resetLinkField").contains("/user/reset-password/"));
    assertThat(robot.lookup("#resetLinkQr").queryAs(javafx.scene.image.ImageView.class).getImage())
        .isNotNull();
    robot.clickOn("#copyResetLink");
    robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
    assertThat(clip.get()).isEqualTo(console.text("#resetLinkField"));
    assertThat(robot.lookup("#copyResetLink").queryAs(javafx.scene.control.Button.class).getText())
        .isEqualTo("Copied");
    shot("window-reset-password-dialog");
    assertThat(robot.lookup("#resetLinkField").queryAs(TextField.class).isEditable()).isFalse();
    console.confirmDialog("Close");
    console.assertNoDialogLeft();
  }
}
