package com.siali.label.app.console.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Light and dark: AtlantaFX's Primer themes, with the accent colour of the LAN pages (app.css). */
public final class Theme {
  private static final String OWN_STYLESHEET =
      Objects.requireNonNull(Theme.class.getResource("console.css"), "console.css")
          .toExternalForm();

  private Theme() {}

  /**
   * Parses the theme and creates the common controls' skins once, while the database is still
   * opening.
   */
  static void preload() {
    Scene scene =
        new Scene(new VBox(new Button("a"), new TextField(), new TableView<>(), new Label()));
    apply(scene, false);
    scene.getRoot().applyCss();
  }

  public static void apply(Scene scene, boolean dark) {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    if (!scene.getStylesheets().contains(OWN_STYLESHEET)) {
      scene.getStylesheets().add(OWN_STYLESHEET);
    }
    scene.getRoot().getStyleClass().remove("dark");
    if (dark) {
      scene.getRoot().getStyleClass().add("dark");
    }
  }
}
