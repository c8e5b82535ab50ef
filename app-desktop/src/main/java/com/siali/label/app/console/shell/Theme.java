package com.siali.label.app.console.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

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
        new Scene(
            new javafx.scene.layout.VBox(
                new javafx.scene.control.Button("a"),
                new javafx.scene.control.TextField(),
                new javafx.scene.control.TableView<>(),
                new javafx.scene.control.Label()));
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
