package com.siali.label.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What it takes to create an account. The email is already normalised; the password is checked
 * against the password policy by the service (it needs the common-password list); the optional API
 * token is the one an operator asked for with {@code --user-token}.
 */
public record NewAccount(EmailAddress email, String password, Optional<String> apiToken) {
  public NewAccount {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(apiToken, "apiToken");
  }

  public static NewAccount of(String email, String password) {
    return new NewAccount(EmailAddress.parse(email), password, Optional.empty());
  }
}
