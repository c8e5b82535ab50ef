package com.siali.label.app.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick for console start-up: a bare JavaFX window saying hello, on the same class path and
 * JVM flags.
 */
public final class HelloWindow {
  private HelloWindow() {}

  public static void main(String[] args) {
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          stage.setScene(new Scene(new StackPane(new Label("Hello")), 400, 200));
          stage.setOnShown(e -> System.out.println("shown"));
          stage.show();
        });
  }
}
