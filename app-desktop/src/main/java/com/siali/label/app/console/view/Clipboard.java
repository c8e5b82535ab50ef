package com.siali.label.app.console.view;

import javafx.scene.input.ClipboardContent;

/** Copy buttons put plain text on the system clipboard. */
final class Clipboard {
  private Clipboard() {}

  static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }
}
