package com.siali.label.app.console.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Confirmations before anything that cannot be undone, and the new-password prompt. */
public final class Dialogs {
  private Dialogs() {}

  /** Asks "really?" with a button that names the action; true when the person chose it. */
  public static boolean confirm(Node owner, String title, String text, String action) {
    return confirm(owner.getScene().getWindow(), title, text, action);
  }

  public static boolean confirm(Window owner, String title, String text, String action) {
    ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, ButtonType.CANCEL);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    return alert.showAndWait().filter(yes::equals).isPresent();
  }

  /** The new password for a person, offered as {@code suggestion}, to be copied or replaced. */
  public static Optional<String> newPassword(Node owner, String personName, String suggestion) {
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner.getScene().getWindow());
    dialog.setTitle("Reset password");
    dialog.setHeaderText("Reset the password of " + personName);
    TextField field = new TextField(suggestion);
    field.setId("newPasswordField");
    field.setAccessibleText("New password");
    Label help =
        new Label(
            "Give this password to "
                + personName
                + " in person or through a channel you trust. "
                + "They will be signed out of every browser.");
    help.setWrapText(true);
    help.setMaxWidth(380);
    dialog.getDialogPane().setContent(new VBox(10, new Label("New password"), field, help));
    ButtonType set = new ButtonType("Set password", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(set, ButtonType.CANCEL);
    dialog.setResultConverter(button -> button == set ? field.getText() : null);
    return dialog.showAndWait();
  }
}
