package com.siali.label.app.console.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The one line a section shows about its last action: what was done, or why it was refused. */
public final class StatusMessage {
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty isError = new SimpleBooleanProperty(false);

  public void succeed(String message) {
    isError.set(false);
    text.set(message);
  }

  public void fail(String message) {
    isError.set(true);
    text.set(message);
  }

  public StringProperty textProperty() {
    return text;
  }

  public BooleanProperty isErrorProperty() {
    return isError;
  }
}
