package com.siali.label.app.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Boolean environment variables: true/false/yes/no/on/off/1/0 in any case; anything else is
 * refused.
 */
final class EnvironmentFlag {
  private EnvironmentFlag() {}

  static Optional<Boolean> parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Optional.of(true);
      case "false", "no", "off", "0" -> Optional.of(false);
      default ->
          throw new UserInputException(
              name + " must be one of true/false/yes/no/on/off/1/0, not '" + value + "'");
    };
  }
}
