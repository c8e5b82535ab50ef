package com.siali.label.app.console.people;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.AvatarView;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.app.console.common.PictureLoader;
import com.siali.label.model.User;
import com.siali.label.model.UserSort;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
    HBox header = new HBox(16, title, search);
    header.setAlignment(Pos.CENTER_LEFT);

    table.setId("peopleTable");
    table.setItems(model.rows());
    table.setPlaceholder(new Label("Nobody matches this search."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
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
    TableColumn<User, String> name = text("Name", User::displayName);
    TableColumn<User, String> email = text("Email", u -> u.email().value());
    TableColumn<User, String> lastActivity = text("Last activity", model::lastActivityOf);
    TableColumn<User, String> joined =
        text("Joined", u -> JOINED.format(u.dateJoined().atZone(ZoneId.systemDefault())));
    name.setId("nameColumn");
    name.setPrefWidth(170);
    email.setPrefWidth(210);
    lastActivity.setPrefWidth(115);
    joined.setPrefWidth(135);
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
    return column;
  }
}
