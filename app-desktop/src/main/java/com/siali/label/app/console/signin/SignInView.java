package com.siali.label.app.console.signin;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.Fields;
import com.siali.label.app.console.common.Icons;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The first screen: "Create the owner account" on a fresh installation, "Log in" afterwards. */
public final class SignInView extends StackPane {
  static final double ERROR_HEIGHT = 40;

  public SignInView(SignInModel model, ObservableBooleanValue busy) {
    Label brand = new Label("Siali Label", Icons.sized(Feather.TAG, 22));
    brand.getStyleClass().add("brand");
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_3);
    title.setId("signInTitle");
    Label intro = new Label();
    intro.setWrapText(true);
    intro.getStyleClass().add("muted");

    TextField email = Fields.bound(new TextField(), "emailField", "Email", model.emailProperty());
    email.setPromptText("you@example.com");
    PasswordField password =
        Fields.bound(new PasswordField(), "passwordField", "Password", model.passwordProperty());

    CheckBox keep = new CheckBox("Keep me signed in on this computer");
    keep.setId("keepSignedIn");
    keep.selectedProperty().bindBidirectional(model.keepSignedInProperty());

    Label error = new Label();
    error.setId("signInError");
    error.setWrapText(true);
    error.getStyleClass().add("error-text");
    error.textProperty().bind(model.errorProperty());
    // Room for two lines is kept whether or not there is an error: the centred card does not jump.
    error.setMinHeight(ERROR_HEIGHT);
    error.setPrefHeight(ERROR_HEIGHT);
    error.setAlignment(Pos.TOP_LEFT);

    Button submit = new Button();
    submit.setId("signInButton");
    submit.setDefaultButton(true);
    submit.getStyleClass().add(Styles.ACCENT);
    submit.setMaxWidth(Double.MAX_VALUE);
    submit.disableProperty().bind(busy);
    submit.setOnAction(e -> model.submit());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setMaxSize(22, 22);
    progress.visibleProperty().bind(busy);
    progress.managedProperty().bind(busy); // no empty band under the button while idle

    Runnable showMode =
        () -> {
          boolean creating = model.modeProperty().get() == SignInModel.Mode.CREATE_OWNER;
          title.setText(creating ? "Create the owner account" : "Log in");
          intro.setText(
              creating
                  ? "Welcome! This account owns Siali Label on this computer: it manages people and invitations."
                  : "Log in with your Siali Label account.");
          submit.setText(creating ? "Create account" : "Log in");
        };
    model.modeProperty().addListener((obs, old, now) -> showMode.run());
    showMode.run();

    VBox card =
        new VBox(
            8,
            brand,
            title,
            intro,
            label("Email", email),
            email,
            label("Password", password),
            password,
            keep,
            error,
            submit,
            progress);
    card.getStyleClass().addAll("card-box", "sign-in-card");
    card.setMaxHeight(VBox.USE_PREF_SIZE);
    VBox.setMargin(keep, new Insets(6, 0, 0, 0));
    StackPane.setAlignment(card, Pos.CENTER);
    getChildren().add(card);
    setId("signInView");
    sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene != null) {
                email.requestFocus();
              }
            });
  }

  private static Label label(String text, Node field) {
    Label label = new Label(text);
    label.getStyleClass().add("field-label");
    label.setLabelFor(field);
    return label;
  }
}
