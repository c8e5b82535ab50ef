package com.siali.label.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as every interface sees it. It carries no password hash and no API token: those are
 * read only by the services that need them, so they cannot leak through a list or a JSON view.
 */
public record User(
    long id,
    EmailAddress email,
    String firstName,
    String lastName,
    String phone,
    Optional<String> avatar,
    boolean active,
    boolean owner,
    Instant dateJoined,
    Instant lastActivity) {

  public User {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(dateJoined, "dateJoined");
    Objects.requireNonNull(lastActivity, "lastActivity");
  }

  public String username() {
    return email.username();
  }

  /**
   * SPEC §4: first letters of first and last name, one of them if only one is set, else the email's
   * first two.
   */
  public String initials() {
    String first = firstLetter(firstName);
    String last = firstLetter(lastName);
    if (!first.isEmpty() || !last.isEmpty()) {
      return first + last;
    }
    String local = email.username();
    return local.substring(0, Math.min(2, local.length()));
  }

  /** "First Last", or the email when no name is set. */
  /**
   * The full name, else the username: what People lists show beside the email, so that a person
   * without a name is not shown by their email twice.
   */
  public String nameOrUsername() {
    String name = (firstName + " " + lastName).strip();
    return name.isEmpty() ? username() : name;
  }

  public String displayName() {
    String name = (firstName + " " + lastName).strip();
    return name.isEmpty() ? email.value() : name;
  }

  private static String firstLetter(String s) {
    String stripped = s.strip();
    return stripped.isEmpty() ? "" : stripped.substring(0, stripped.offsetByCodePoints(0, 1));
  }
}
