package com.siali.label.app.console.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextInputControl;

/**
 * Form fields: an id for tests, a name for screen readers, and the text bound both ways to the
 * view-model.
 */
public final class Fields {
  private Fields() {}

  public static <T extends TextInputControl> T bound(
      T field, String id, String accessibleName, StringProperty value) {
    field.setId(id);
    field.setAccessibleText(accessibleName);
    field.textProperty().bindBidirectional(value);
    return field;
  }
}
