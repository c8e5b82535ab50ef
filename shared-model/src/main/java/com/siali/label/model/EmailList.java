package com.siali.label.model;

import java.util.Arrays;
import java.util.List;

/**
 * Addresses as a lead pastes them into "Invite by email": one per line, or separated by commas or
 * semicolons (a mail program's list); the same on the web and in the window.
 */
public final class EmailList {
  private EmailList() {}

  /** The non-blank entries, stripped, in order (each is checked when it is invited). */
  public static List<String> split(String pasted) {
    if (pasted == null) {
      return List.of();
    }
    return Arrays.stream(pasted.split("[,;\\r\\n]+"))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }
}
