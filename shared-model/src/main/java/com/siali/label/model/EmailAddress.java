package com.siali.label.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account's email, normalised as SPEC §4 requires: trimmed, lower-case, valid syntax, at most
 * 254 characters. The part before {@code @} is the account's (non-unique) username.
 */
public record EmailAddress(String value) {
  public static final int MAX_LENGTH = 254;
  public static final String INVALID_MESSAGE = "Enter a valid email address.";

  // Pragmatic RFC 5321 subset: dot-atom local part, dot-separated host labels with a letter TLD (or
  // localhost).
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63})");

  public EmailAddress {
    if (value == null || !value.equals(normalise(value))) {
      throw new IllegalArgumentException(
          "EmailAddress takes a normalised value; use EmailAddress.parse");
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SYNTAX.matcher(value).matches()) {
      throw new ValidationException("email", INVALID_MESSAGE);
    }
  }

  /** Normalises and validates what a person typed. */
  public static EmailAddress parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new ValidationException("email", "Please enter an email address.");
    }
    return new EmailAddress(normalise(raw));
  }

  private static String normalise(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  public String username() {
    return value.substring(0, value.indexOf('@'));
  }

  @Override
  public String toString() {
    return value;
  }
}
