package com.siali.label.app.console.common;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Reset password…" (issue #15): first the one-time link, as on the web (made on request, shown
 * once with Copy and a QR code, for the person to choose their own password), then, for someone
 * standing beside you, a generated password to set now, with its own Copy button. The result is the
 * password to set, or empty (the link needs no result: it works once it is made).
 */
public final class ResetPasswordDialog {
  private ResetPasswordDialog() {}

  /**
   * @param makeLink asked to make a link when the button is pressed; it hands the link to the
   *     consumer it is given, on the UI thread
   */
  public static Optional<String> show(
      Node owner, String personName, String suggestion, Consumer<Consumer<String>> makeLink) {
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner.getScene().getWindow());
    dialog.setTitle("Reset password");
    dialog.setHeaderText("Reset the password of " + personName);

    Label linkTitle = new Label("One-time link (recommended)");
    linkTitle.getStyleClass().add("field-label");
    Label linkHelp =
        new Label(
            "Make a link for "
                + personName
                + " to open on their own device and choose a new password. It works once, for"
                + " 24 hours, and signs them out everywhere when used. It is shown only now.");
    linkHelp.setWrapText(true);
    TextField linkField = new TextField();
    linkField.setId("resetLinkField");
    linkField.setEditable(false);
    linkField.setAccessibleText("Password-reset link");
    Button copyLink = new Button("Copy");
    copyLink.setId("copyResetLink");
    copyLink.setOnAction(e -> copied(copyLink, linkField.getText()));
    HBox.setHgrow(linkField, Priority.ALWAYS);
    HBox linkRow = new HBox(8, linkField, copyLink);
    linkRow.setAlignment(Pos.CENTER_LEFT);
    ImageView qr = new ImageView();
    qr.setId("resetLinkQr");
    linkRow.setVisible(false);
    linkRow.setManaged(false);
    Button make = new Button("Make link");
    make.setId("makeResetLink");
    make.setDefaultButton(false);
    make.setOnAction(
        e -> {
          make.setDisable(true);
          makeLink.accept(
              link -> {
                linkField.setText(link);
                qr.setImage(QrImages.of(link, 160));
                linkRow.setVisible(true);
                linkRow.setManaged(true);
                make.setText("Make another link");
                make.setDisable(false);
                // The dialog grows to show the link and its code.
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
              });
        });

    Label passwordTitle = new Label("Or set a password now");
    passwordTitle.getStyleClass().add("field-label");
    TextField field = new TextField(suggestion);
    field.setId("newPasswordField");
    field.setAccessibleText("New password");
    Button copyPassword = new Button("Copy");
    copyPassword.setId("copyNewPassword");
    copyPassword.setOnAction(e -> copied(copyPassword, field.getText()));
    HBox.setHgrow(field, Priority.ALWAYS);
    HBox passwordRow = new HBox(8, field, copyPassword);
    passwordRow.setAlignment(Pos.CENTER_LEFT);
    Label passwordHelp =
        new Label(
            "Give this password to "
                + personName
                + " in person or through a channel you trust. They will be signed out of every"
                + " browser.");
    passwordHelp.setWrapText(true);

    VBox content =
        new VBox(
            10,
            linkTitle,
            linkHelp,
            make,
            linkRow,
            qr,
            new Separator(),
            passwordTitle,
            passwordRow,
            passwordHelp);
    content.setPrefWidth(460);
    dialog.getDialogPane().setContent(content);
    ButtonType set = new ButtonType("Set password", ButtonBar.ButtonData.OK_DONE);
    ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(set, close);
    dialog.setResultConverter(button -> button == set ? field.getText() : null);
    return dialog.showAndWait();
  }

  private static void copied(Button button, String text) {
    Clipboard.copy(text);
    button.setText("Copied");
    var reset = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
    reset.setOnFinished(e -> button.setText("Copy"));
    reset.play();
  }
}
