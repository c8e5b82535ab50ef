package com.siali.label.service;

import com.siali.label.model.ValidationException;

/**
 * Rules for an API token an operator chooses with {@code --user-token} (generated ones always
 * pass).
 */
public final class ApiTokenRules {
  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 256;
  public static final String TOO_SHORT_MESSAGE =
      "The user token must be at least 5 characters long.";

  private ApiTokenRules() {}

  public static void check(String token) {
    if (token.length() < MIN_LENGTH) {
      throw new ValidationException("token", TOO_SHORT_MESSAGE);
    }
    if (token.length() > MAX_LENGTH) {
      throw new ValidationException("token", "The user token must be at most 256 characters long.");
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new ValidationException(
          "token", "The user token may contain only printable ASCII characters, without spaces.");
    }
  }
}
