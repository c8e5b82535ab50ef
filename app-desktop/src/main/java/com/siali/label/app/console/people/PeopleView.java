package com.siali.label.app.console.people;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.AvatarView;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.app.console.common.PictureLoader;
import com.siali.label.model.User;
import com.siali.label.model.UserSort;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;

/**
 * People: the searchable, sortable table of accounts (one page at a time) beside the selected
 * person's detail.
 */
public final class PeopleView extends SplitPane {
  /** One date format with the LAN pages (ADR 0016). */
  static final DateTimeFormatter JOINED =
      DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH);

  private final PeopleModel model;
  private final TextField search;
  private final TableView<User> table = new TableView<>();

  public PeopleView(PeopleModel model) {
    this.model = model;
    PictureLoader pictures = new PictureLoader(model::picture);
    setId("peopleView");

    Label title = new Label("People");
    title.getStyleClass().add(Styles.TITLE_3);
    search = TextFields.createClearableTextField();
    search.setId("peopleSearch");
    search.setPromptText("Search by name or email (Ctrl+F)");
    search.setAccessibleText("Search people");
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    Button export = new Button("Export CSV…", Icons.of(Feather.DOWNLOAD));
    export.setId("exportPeople");
    export.setTooltip(new Tooltip("Save everyone's email, name, dates and status as a CSV file"));
    export.setVisible(model.mayAdminister());
    export.setManaged(model.mayAdminister());
    export.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Export People");
          chooser.setInitialFileName("people.csv");
          chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
          File file = chooser.showSaveDialog(getScene().getWindow());
          if (file != null) {
            model.exportCsv(file.toPath());
          }
        });
    HBox header = new HBox(16, title, search, export);
    header.setAlignment(Pos.CENTER_LEFT);

    table.setId("peopleTable");
    table.setItems(model.rows());
    table.setPlaceholder(new Label("Nobody matches this search."));
    // The columns share the table's whole width; each can be resized, and hidden from the menu
    // button at the header's right end.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.setTableMenuButtonVisible(true);
    TableColumn<User, User> avatar = new TableColumn<>("");
    avatar.setSortable(false);
    avatar.setReorderable(false);
    avatar.setMinWidth(48);
    avatar.setMaxWidth(48);
    avatar.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
    avatar.setCellFactory(
        column ->
            new TableCell<>() {
              private final AvatarView view = new AvatarView(28);

              @Override
              protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                if (empty || user == null) {
                  setGraphic(null);
                } else {
                  view.show(user, pictures);
                  setGraphic(view);
                }
              }
            });
    TableColumn<User, String> name = text("Name", PeopleModel::nameOf);
    name.setCellFactory(column -> new NameCell());
    TableColumn<User, String> email = text("Email", u -> u.email().value());
    TableColumn<User, String> lastActivity = text("Last activity", model::lastActivityOf);
    TableColumn<User, String> joined =
        text("Joined", u -> JOINED.format(u.dateJoined().atZone(ZoneId.systemDefault())));
    name.setId("nameColumn");
    name.setPrefWidth(230);
    name.setMinWidth(120);
    email.setPrefWidth(260);
    email.setMinWidth(120);
    email.setId("emailColumn");
    // "Last activity" and dates are short and must never be cut: they keep their whole width.
    lastActivity.setMinWidth(125);
    lastActivity.setPrefWidth(135);
    joined.setMinWidth(110);
    joined.setPrefWidth(120);
    joined.setId("joinedColumn");
    lastActivity.setId("lastActivityColumn");
    table.getColumns().setAll(List.of(avatar, name, email, lastActivity, joined));
    Map<TableColumn<User, ?>, UserSort> orders =
        Map.of(
            name,
            UserSort.NAME,
            email,
            UserSort.EMAIL,
            lastActivity,
            UserSort.LAST_ACTIVITY,
            joined,
            UserSort.DATE_JOINED);
    // Sorting happens in the database over every account, not over the page on screen.
    table.setSortPolicy(
        t -> {
          if (t.getSortOrder().isEmpty()) {
            return true;
          }
          TableColumn<User, ?> column = t.getSortOrder().getFirst();
          UserSort order = orders.getOrDefault(column, UserSort.NAME);
          boolean descending = column.getSortType() == TableColumn.SortType.DESCENDING;
          if (order != model.sortProperty().get()
              || descending != model.descendingProperty().get()) {
            model.sortBy(order, descending);
          }
          return true;
        });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                model.selectedProperty().set(now);
              }
            });
    model
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                table.getSelectionModel().clearSelection();
              } else if (table.getSelectionModel().getSelectedItem() == null
                  || table.getSelectionModel().getSelectedItem().id() != now.id()) {
                table.getSelectionModel().select(now);
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);

    Button previous = new Button(null, Icons.of(Feather.CHEVRON_LEFT));
    previous.setId("previousPage");
    previous.setAccessibleText("Previous page");
    previous.setOnAction(e -> model.previousPage());
    Button next = new Button(null, Icons.of(Feather.CHEVRON_RIGHT));
    next.setId("nextPage");
    next.setAccessibleText("Next page");
    next.setOnAction(e -> model.nextPage());
    Label range = new Label();
    range.setId("peopleRange");
    Runnable pager =
        () -> {
          long total = model.totalProperty().get();
          int from = model.offsetProperty().get();
          range.setText(
              total == 0
                  ? "No people"
                  : String.format(
                      "%,d–%,d of %,d",
                      from + 1, Math.min(total, from + PeopleModel.PAGE_SIZE), total));
          previous.setDisable(from == 0);
          next.setDisable(!model.hasNextPage());
        };
    model.totalProperty().addListener((obs, old, now) -> pager.run());
    model.offsetProperty().addListener((obs, old, now) -> pager.run());
    pager.run();
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label message = Messages.bound("peopleMessage", model.status());
    HBox footer = new HBox(8, message, spacer, range, previous, next);
    footer.setAlignment(Pos.CENTER_LEFT);

    VBox list = new VBox(12, header, table, footer);
    list.getStyleClass().add("section");
    PersonDetailView detail = new PersonDetailView(model, pictures);
    getItems().addAll(list, detail);
    setDividerPositions(0.71);
    SplitPane.setResizableWithParent(detail, false);
    setPadding(Insets.EMPTY);
  }

  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  private static TableColumn<User, String> text(String title, Function<User, String> value) {
    TableColumn<User, String> column = new TableColumn<>(title);
    column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
    column.setCellFactory(c -> new TextCell());
    return column;
  }

  /**
   * A text cell whose whole value is in its tooltip, for when the column is too narrow. The cell
   * keeps one tooltip and only changes its text: a search refreshes every visible cell on the FX
   * thread, and building a new popup control per cell each time cost a first keystroke tens of ms.
   */
  static class TextCell extends TableCell<User, String> {
    private Tooltip tooltip;

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      setText(empty ? null : text);
      if (empty || text == null || text.isEmpty()) {
        setTooltip(null);
        return;
      }
      if (tooltip == null) {
        tooltip = new Tooltip();
      }
      tooltip.setText(text);
      setTooltip(tooltip);
    }
  }

  /** The name, with a "deactivated" badge for a deactivated person. */
  static final class NameCell extends TextCell {
    private final Label badge = new Label("deactivated");

    NameCell() {
      badge.getStyleClass().addAll("badge", "badge-deactivated");
      setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
      setGraphicTextGap(6);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      User user = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
      setGraphic(user != null && !user.active() ? badge : null);
    }
  }
}
