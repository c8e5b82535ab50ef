package com.siali.label.app.console.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;

/** The one line under a form that says what happened: green for done, red for refused. */
public final class Messages {
  private Messages() {}

  public static Label bound(String id, StatusMessage status) {
    StringProperty text = status.textProperty();
    BooleanProperty isError = status.isErrorProperty();
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.textProperty().bind(text);
    label.visibleProperty().bind(text.isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
    Runnable style =
        () -> {
          label.getStyleClass().removeAll("ok-text", "error-text");
          label.getStyleClass().add(isError.get() ? "error-text" : "ok-text");
        };
    isError.addListener((obs, old, now) -> style.run());
    text.addListener((obs, old, now) -> style.run());
    style.run();
    return label;
  }
}
