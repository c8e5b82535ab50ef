package com.siali.label.app.console.addpeople;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.addpeople.InviteByEmailModel.IssuedLink;
import com.siali.label.app.console.addpeople.InviteByEmailModel.Row;
import com.siali.label.app.console.common.Clipboard;
import com.siali.label.app.console.common.Dialogs;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.app.console.common.QrImages;
import com.siali.label.model.DisplayDates;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Invite by email": the addresses and expiry, the links just made (Copy, QR code), and every
 * invitation with its status, Revoke and Revoke all. Shown to the owner only.
 */
final class InviteByEmailView extends VBox {
  static final int QR_SIZE = 120;

  InviteByEmailView(InviteByEmailModel model) {
    super(12);
    setId("inviteByEmail");
    getStyleClass().add("card-box");
    visibleProperty().bind(model.availableProperty());
    managedProperty().bind(model.availableProperty());

    Label title = new Label("Invite by email");
    title.getStyleClass().add(Styles.TITLE_4);
    Label intro =
        new Label(
            "Each address gets a link of its own: it signs up only that address, works once, and"
                + " stops at its expiry or when you revoke it, even when sign-up without a link is"
                + " off. Nothing is emailed: copy each link to its person.");
    intro.setWrapText(true);
    intro.getStyleClass().add("muted");

    TextArea emails = new TextArea();
    emails.setId("inviteEmails");
    emails.setPromptText("ada@example.com\ngrace@example.com");
    emails.setPrefRowCount(3);
    emails.setWrapText(true);
    emails.setAccessibleText("Email addresses, one per line or comma-separated");
    emails.textProperty().bindBidirectional(model.emailsProperty());
    HBox.setHgrow(emails, Priority.ALWAYS);

    Spinner<Integer> days = new Spinner<>(1, model.maxDays(), model.daysProperty().get());
    days.setId("inviteDays");
    days.setEditable(true);
    days.setPrefWidth(90);
    days.setAccessibleText("Days the links work");
    days.valueProperty().addListener((obs, old, now) -> model.daysProperty().set(now));
    Label daysLabel = new Label("Expires after (days)");
    daysLabel.setLabelFor(days);
    Button create = new Button("Create links", Icons.of(Feather.SEND));
    create.setId("createInvites");
    create.getStyleClass().add(Styles.ACCENT);
    create.disableProperty().bind(model.emailsProperty().isEmpty());
    create.setOnAction(e -> model.invite());
    VBox options = new VBox(6, daysLabel, days, create);
    HBox form = new HBox(12, emails, options);
    form.setAlignment(Pos.TOP_LEFT);
    Label help = new Label("One address per line, or separated by commas. 1 to 30 days.");
    help.getStyleClass().add("muted");

    VBox issued = new VBox(10);
    issued.setId("issuedLinks");
    model
        .issued()
        .addListener(
            (ListChangeListener<IssuedLink>)
                change ->
                    issued
                        .getChildren()
                        .setAll(model.issued().stream().map(this::linkRow).toList()));

    Label message = Messages.bound("inviteMessage", model.status());
    message.setWrapText(true);

    TableView<Row> table = table(model);
    Button revokeAll = new Button("Revoke all", Icons.of(Feather.SLASH));
    revokeAll.setId("revokeAllInvites");
    revokeAll.getStyleClass().add(Styles.DANGER);
    revokeAll.setDisable(!model.anyPending());
    model
        .rows()
        .addListener((ListChangeListener<Row>) change -> revokeAll.setDisable(!model.anyPending()));
    revokeAll.setOnAction(
        e -> {
          if (Dialogs.confirm(
              this,
              "Revoke every pending invitation",
              "Every personal link that has not been used stops working at once.",
              "Revoke all")) {
            model.revokeAll();
          }
        });
    Label listTitle = new Label("Invitations");
    listTitle.getStyleClass().add(Styles.TEXT_BOLD);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox listHeader = new HBox(8, listTitle, gap, revokeAll);
    listHeader.setAlignment(Pos.CENTER_LEFT);

    getChildren().addAll(title, intro, form, help, message, issued, listHeader, table);
  }

  /** A link just made: the address, the link with Copy, and its QR code. */
  private HBox linkRow(IssuedLink issued) {
    Label email = new Label(issued.email() + " · expires " + DisplayDates.day(issued.expiresAt()));
    email.getStyleClass().add(Styles.TEXT_BOLD);
    TextField link = new TextField(issued.link());
    link.setEditable(false);
    link.getStyleClass().add("issued-link");
    link.setAccessibleText("Invitation link for " + issued.email());
    HBox.setHgrow(link, Priority.ALWAYS);
    Button copy = new Button("Copy", Icons.of(Feather.COPY));
    copy.getStyleClass().add("copy-issued");
    copy.setMinWidth(AddPeopleView.COPY_BUTTON_WIDTH);
    copy.setOnAction(
        e -> {
          Clipboard.copy(issued.link());
          copy.setText("Copied");
        });
    HBox linkLine = new HBox(8, link, copy);
    linkLine.setAlignment(Pos.CENTER_LEFT);
    VBox text = new VBox(6, email, linkLine);
    HBox.setHgrow(text, Priority.ALWAYS);
    ImageView qr = new ImageView(QrImages.of(issued.link(), QR_SIZE));
    qr.setFitWidth(QR_SIZE);
    qr.setFitHeight(QR_SIZE);
    qr.setAccessibleText("QR code of the invitation link for " + issued.email());
    HBox row = new HBox(12, qr, text);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("issued-invitation");
    return row;
  }

  private static TableView<Row> table(InviteByEmailModel model) {
    TableView<Row> table = new TableView<>(model.rows());
    table.setId("invitationsTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No invitations yet."));
    table.setPrefHeight(220);
    table.setMinHeight(160);
    TableColumn<Row, String> email = text("Email", Row::email);
    email.setPrefWidth(240);
    TableColumn<Row, String> by = text("Invited by", Row::invitedBy);
    by.setPrefWidth(180);
    TableColumn<Row, String> created = text("Created", r -> DisplayDates.day(r.created()));
    TableColumn<Row, String> expires = text("Expires", r -> DisplayDates.day(r.expires()));
    TableColumn<Row, String> status = text("Status", r -> r.status().label());
    TableColumn<Row, Row> action = new TableColumn<>("");
    action.setSortable(false);
    action.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
    action.setCellFactory(
        column ->
            new TableCell<>() {
              private final Button revoke = new Button("Revoke");

              {
                revoke.getStyleClass().addAll(Styles.SMALL, "revoke-invite");
                revoke.setOnAction(e -> model.revoke(getItem()));
              }

              @Override
              protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null || !row.pending() ? null : revoke);
              }
            });
    table.getColumns().addAll(email, by, created, expires, status, action);
    return table;
  }

  private static TableColumn<Row, String> text(String title, Function<Row, String> value) {
    TableColumn<Row, String> column = new TableColumn<>(title);
    column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(
                    empty || text == null || text.isEmpty()
                        ? null
                        : new javafx.scene.control.Tooltip(text));
              }
            });
    return column;
  }
}
