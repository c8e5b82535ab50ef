package com.siali.label.app.console.view;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons (Ikonli), one size for buttons and navigation. */
final class Icons {
  private Icons() {}

  static FontIcon of(Feather icon) {
    return sized(icon, 16);
  }

  static FontIcon sized(Ikon icon, int size) {
    FontIcon font = new FontIcon(icon);
    font.setIconSize(size);
    return font;
  }
}
