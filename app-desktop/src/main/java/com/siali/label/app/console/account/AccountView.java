package com.siali.label.app.console.account;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.AvatarView;
import com.siali.label.app.console.common.Clipboard;
import com.siali.label.app.console.common.Dialogs;
import com.siali.label.app.console.common.Fields;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.model.User;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Account &amp; Settings: profile and picture, API token, password. */
public final class AccountView extends ScrollPane {
  static final double LABEL_WIDTH = 170;

  public AccountView(
      AccountModel model,
      ObjectProperty<User> signedIn,
      Function<Window, Optional<Path>> pictureChooser) {
    setId("accountView");
    setFitToWidth(true);
    Label title = new Label("Account & Settings");
    title.getStyleClass().add(Styles.TITLE_3);

    AvatarView picture = new AvatarView(96);
    picture.setId("accountPicture");
    Runnable showPicture =
        () ->
            picture.show(
                signedIn.get() == null ? "" : signedIn.get().initials(),
                model.pictureProperty().get());
    model.pictureProperty().addListener((obs, old, now) -> showPicture.run());
    signedIn.addListener((obs, old, now) -> showPicture.run());
    showPicture.run(); // the initials from the first frame, before any picture arrives
    Button choose = new Button("Choose picture…", Icons.of(Feather.IMAGE));
    choose.setId("choosePicture");
    choose.setOnAction(
        e -> pictureChooser.apply(getScene().getWindow()).ifPresent(model::choosePicture));
    Button remove = new Button("Remove", Icons.of(Feather.X));
    remove.setId("removePicture");
    remove.disableProperty().bind(model.pictureProperty().isNull());
    remove.setOnAction(e -> model.removePicture());
    Label pictureHelp =
        new Label("PNG, JPEG, GIF or WebP, up to 5 MiB; it is cropped to a square.");
    pictureHelp.getStyleClass().add("muted");
    VBox pictureButtons = new VBox(8, new HBox(8, choose, remove), pictureHelp);
    HBox pictureRow = new HBox(20, picture, pictureButtons);
    pictureRow.setAlignment(Pos.CENTER_LEFT);

    TextField first =
        Fields.bound(new TextField(), "firstNameField", "First name", model.firstNameProperty());
    TextField last =
        Fields.bound(new TextField(), "lastNameField", "Last name", model.lastNameProperty());
    TextField phone = Fields.bound(new TextField(), "phoneField", "Phone", model.phoneProperty());
    Label emailValue = new Label();
    emailValue.setId("accountEmail");
    signedIn.addListener(
        (obs, old, now) -> emailValue.setText(now == null ? "" : now.email().value()));
    emailValue.setText(signedIn.get() == null ? "" : signedIn.get().email().value());
    Button save = new Button("Save", Icons.of(Feather.CHECK));
    save.setId("saveProfile");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> model.saveProfile());
    GridPane form =
        grid("Email", emailValue, "First name", first, "Last name", last, "Phone", phone);
    VBox profile = card("Profile", pictureRow, form, save);

    TextField token = new TextField();
    token.setId("apiToken");
    token.setEditable(false);
    token.getStyleClass().add("token-field");
    token.setAccessibleText("API token");
    token.textProperty().bind(model.tokenProperty());
    HBox.setHgrow(token, Priority.ALWAYS);
    Button show = new Button();
    show.setId("showToken");
    show.textProperty()
        .bind(Bindings.when(model.tokenShownProperty()).then("Hide").otherwise("Show"));
    show.setOnAction(
        e -> {
          if (model.tokenShownProperty().get()) {
            model.hideToken();
          } else {
            model.showToken();
          }
        });
    Button copy = new Button("Copy", Icons.of(Feather.COPY));
    copy.setId("copyToken");
    copy.disableProperty().bind(model.tokenShownProperty().not());
    copy.setOnAction(e -> Clipboard.copy(model.tokenProperty().get()));
    Button reset = new Button("Reset", Icons.of(Feather.REFRESH_CW));
    reset.setId("resetToken");
    reset.setOnAction(
        e -> {
          if (Dialogs.confirm(
              this,
              "Reset the API token",
              "Scripts and tools that use the current token stop working until they get the new one.",
              "Reset token")) {
            model.resetToken();
          }
        });
    Label tokenHelp = new Label("Send it as  Authorization: Token <token>  to the REST API.");
    tokenHelp.getStyleClass().add("muted");
    VBox tokenCard = card("API token", new HBox(8, token, show, copy, reset), tokenHelp);

    PasswordField current =
        Fields.bound(
            new PasswordField(),
            "currentPasswordField",
            "Current password",
            model.currentPasswordProperty());
    PasswordField fresh =
        Fields.bound(
            new PasswordField(), "newPasswordField", "New password", model.newPasswordProperty());
    Button change = new Button("Change password", Icons.of(Feather.LOCK));
    change.setId("changePassword");
    change.setOnAction(e -> model.changePassword());
    VBox passwordCard =
        card("Password", grid("Current password", current, "New password", fresh), change);

    Label message = Messages.bound("accountMessage", model.status());
    VBox content = new VBox(16, title, message, profile, tokenCard, passwordCard);
    content.getStyleClass().add("section");
    content.setMaxWidth(760);
    setContent(content);
  }

  private static VBox card(String heading, Node... children) {
    Label label = new Label(heading);
    label.getStyleClass().add(Styles.TITLE_4);
    VBox card = new VBox(12, label);
    card.getChildren().addAll(children);
    card.getStyleClass().add("card-box");
    return card;
  }

  /** Every form's label column has one width, so that the fields of all cards line up. */
  private static GridPane grid(Object... labelsAndFields) {
    GridPane grid = new GridPane(12, 10);
    ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH);
    labels.setMinWidth(LABEL_WIDTH);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(labels, fields);
    for (int i = 0; i < labelsAndFields.length; i += 2) {
      Node field = (Node) labelsAndFields[i + 1];
      Label label = new Label((String) labelsAndFields[i]);
      label.setLabelFor(field);
      label.getStyleClass().add("field-label");
      grid.addRow(i / 2, label, field);
      GridPane.setHgrow(field, Priority.ALWAYS);
    }
    return grid;
  }
}
