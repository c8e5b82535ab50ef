package com.siali.label.app.console.common;

import javafx.scene.input.ClipboardContent;

/** Copy buttons put plain text on the system clipboard. */
public final class Clipboard {
  private Clipboard() {}

  public static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }
}
