package com.siali.label.app.console.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons (Ikonli), one size for buttons and navigation. */
public final class Icons {
  private Icons() {}

  public static FontIcon of(Feather icon) {
    return sized(icon, 16);
  }

  public static FontIcon sized(Ikon icon, int size) {
    FontIcon font = new FontIcon(icon);
    font.setIconSize(size);
    return font;
  }
}
