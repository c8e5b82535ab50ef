package com.siali.label.app.console.history;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditFormat;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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

/** History: the filters above the audit log's table, newest first, Newer/Older below. */
public final class HistoryView extends VBox {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss", Locale.ENGLISH);

  private final HistoryModel model;
  private final TextField search;

  public HistoryView(HistoryModel model, ZoneId zone) {
    super(12);
    this.model = model;
    setId("historyView");
    getStyleClass().add("section");

    Label title = new Label("History");
    title.getStyleClass().add(Styles.TITLE_3);
    search = TextFields.createClearableTextField();
    search.setId("historySearch");
    search.setPromptText("Search email, address or details");
    search.setAccessibleText("Search the history");
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    Button exportCsv = exportButton("Export CSV…", "exportHistoryCsv", AuditFormat.CSV);
    Button exportJsonl =
        exportButton("Export JSON Lines…", "exportHistoryJsonl", AuditFormat.JSONL);
    HBox header = new HBox(12, title, search, exportCsv, exportJsonl);
    header.setAlignment(Pos.CENTER_LEFT);

    ComboBox<AuditAction> action = new ComboBox<>();
    action.setId("historyAction");
    action.setPromptText("All actions");
    action.getItems().add(null);
    action.getItems().addAll(AuditAction.values());
    action.setButtonCell(new ActionCell());
    action.setCellFactory(list -> new ActionCell());
    action.valueProperty().bindBidirectional(model.actionProperty());
    DatePicker from = new DatePicker();
    from.setId("historyFrom");
    from.setPromptText("From");
    from.setPrefWidth(140);
    from.valueProperty().bindBidirectional(model.fromDayProperty());
    DatePicker to = new DatePicker();
    to.setId("historyTo");
    to.setPromptText("To");
    to.setPrefWidth(140);
    to.valueProperty().bindBidirectional(model.toDayProperty());
    Label person = new Label();
    person.setId("historyPerson");
    Button clear = new Button("Clear filters", Icons.of(Feather.X));
    clear.setId("historyClear");
    clear.setOnAction(e -> model.clearFilters());
    model
        .personProperty()
        .addListener(
            (obs, old, now) -> person.setText(now == null ? "" : "Person: " + now.email().value()));
    person.visibleProperty().bind(model.personProperty().isNotNull());
    person.managedProperty().bind(person.visibleProperty());
    HBox filters = new HBox(8, new Label("Action"), action, from, to, person, clear);
    filters.setAlignment(Pos.CENTER_LEFT);

    TableView<AuditEntry> table = new TableView<>(model.rows());
    table.setId("historyTable");
    table.setPlaceholder(new Label("No events match."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.setSortPolicy(t -> true); // newest first, always: the order is the database's
    // Time and action are short and must never be cut: they keep their whole width.
    TableColumn<AuditEntry, String> time =
        text("Time", e -> TIME.format(e.time().atZone(zone)), 180, 180);
    TableColumn<AuditEntry, String> what = text("Action", e -> e.action().label(), 170, 170);
    TableColumn<AuditEntry, String> actor = text("Actor", HistoryView::actorOf, 200, 110);
    TableColumn<AuditEntry, String> subject = text("Subject", AuditEntry::subject, 190, 110);
    TableColumn<AuditEntry, String> address = text("Address", AuditEntry::clientAddress, 100, 95);
    TableColumn<AuditEntry, String> outcome = text("Outcome", AuditEntry::outcome, 80, 75);
    TableColumn<AuditEntry, String> details = text("Details", AuditEntry::details, 180, 80);
    table.getColumns().setAll(List.of(time, what, actor, subject, address, outcome, details));
    table.getColumns().forEach(c -> c.setSortable(false));
    VBox.setVgrow(table, Priority.ALWAYS);

    Button newer = new Button("Newer", Icons.of(Feather.CHEVRON_LEFT));
    newer.setId("historyNewer");
    newer.disableProperty().bind(model.hasNewerProperty().not());
    newer.setOnAction(e -> model.newerPage());
    Button older = new Button("Older", Icons.of(Feather.CHEVRON_RIGHT));
    older.setId("historyOlder");
    older.disableProperty().bind(model.hasOlderProperty().not());
    older.setOnAction(e -> model.olderPage());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox footer =
        new HBox(8, Messages.bound("historyMessage", model.status()), spacer, newer, older);
    footer.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(header, filters, table, footer);
  }

  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  private Button exportButton(String text, String id, AuditFormat format) {
    Button button = new Button(text, Icons.of(Feather.DOWNLOAD));
    button.setId(id);
    button.setTooltip(new Tooltip("Save every event the filters select"));
    button.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Export History");
          chooser.setInitialFileName("history." + format.extension());
          chooser
              .getExtensionFilters()
              .add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
          File file = chooser.showSaveDialog(getScene().getWindow());
          if (file != null) {
            model.export(file.toPath(), format);
          }
        });
    return button;
  }

  /** The actor, with the channel when it says more ("lead@example.com (web)", "command line"). */
  static String actorOf(AuditEntry e) {
    return e.actor().equals(e.channel()) ? e.actor() : e.actor() + " (" + e.channel() + ")";
  }

  private static TableColumn<AuditEntry, String> text(
      String title, Function<AuditEntry, String> value, double width, double min) {
    TableColumn<AuditEntry, String> column = new TableColumn<>(title);
    column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
    column.setCellFactory(c -> new TextCell());
    column.setPrefWidth(width);
    column.setMinWidth(min);
    return column;
  }

  /** A text cell whose whole value is in its tooltip; a failed event's row reads red. */
  static final class TextCell extends TableCell<AuditEntry, String> {
    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      setText(empty ? null : text);
      setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
      AuditEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
      getStyleClass().remove("error-text");
      if (entry != null && !entry.succeeded()) {
        getStyleClass().add("error-text");
      }
    }
  }

  /** "All actions" for none, else the action's label. */
  static final class ActionCell extends ListCell<AuditAction> {
    @Override
    protected void updateItem(AuditAction action, boolean empty) {
      super.updateItem(action, empty);
      setText(empty ? null : action == null ? "All actions" : action.label());
    }
  }
}
