package com.siali.label.model;

/** The fields a person may change about themselves; each is trimmed and length-checked here. */
public record ProfileUpdate(String firstName, String lastName, String phone) {
  public static final int MAX_NAME_LENGTH = 150;
  public static final int MAX_PHONE_LENGTH = 32;

  public ProfileUpdate {
    firstName = checked("first_name", firstName, MAX_NAME_LENGTH, "First name");
    lastName = checked("last_name", lastName, MAX_NAME_LENGTH, "Last name");
    phone = checked("phone", phone, MAX_PHONE_LENGTH, "Phone");
    if (!phone.isEmpty() && !phone.matches("[0-9+()./ -]+")) {
      throw new ValidationException(
          "phone", "Phone may contain only digits, spaces and + ( ) - . /");
    }
  }

  /** The profile as {@code user} has it now. */
  public static ProfileUpdate of(User user) {
    return new ProfileUpdate(user.firstName(), user.lastName(), user.phone());
  }

  private static String checked(String field, String value, int max, String label) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new ValidationException(field, label + " must be at most " + max + " characters.");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, label + " must not contain control characters.");
    }
    return v;
  }
}
