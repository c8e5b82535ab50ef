package com.siali.label.app.console.common;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

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
    Label heading = new Label(title, Icons.sized(Feather.ALERT_CIRCLE, 20));
    heading.getStyleClass().addAll(Styles.TITLE_4, "dialog-heading");
    Label body = new Label(text);
    body.setWrapText(true);
    body.setMaxWidth(420);
    alert.getDialogPane().setHeader(null);
    alert.setHeaderText(null);
    alert.setGraphic(null);
    alert.getDialogPane().setContent(new VBox(12, heading, body));
    styleLikeTheWindow(alert, owner);
    alert.getDialogPane().lookupButton(yes).getStyleClass().add(Styles.ACCENT);
    return alert.showAndWait().filter(yes::equals).isPresent();
  }

  /**
   * A dialog has its own scene: it gets the window's stylesheets and light or dark, so that it
   * looks like the rest of the window (AtlantaFX) rather than JavaFX's default alert.
   */
  static void styleLikeTheWindow(Dialog<?> dialog, Window owner) {
    DialogPane pane = dialog.getDialogPane();
    pane.getStyleClass().add("console-dialog");
    if (owner != null && owner.getScene() != null) {
      Scene scene = owner.getScene();
      pane.getStylesheets().setAll(scene.getStylesheets());
      if (scene.getRoot().getStyleClass().contains("dark")) {
        pane.getStyleClass().add("dark");
      }
    }
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
    styleLikeTheWindow(dialog, owner.getScene().getWindow());
    dialog.getDialogPane().lookupButton(set).getStyleClass().add(Styles.ACCENT);
    dialog.setResultConverter(button -> button == set ? field.getText() : null);
    return dialog.showAndWait();
  }
}
