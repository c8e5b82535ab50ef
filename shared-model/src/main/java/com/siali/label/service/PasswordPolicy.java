package com.siali.label.service;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ValidationException;
import java.text.Normalizer;
import java.util.Locale;

/** SPEC §4 password rules, with the exact messages every interface shows. */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;
  public static final String LENGTH_MESSAGE = "Please enter a password 8–128 characters in length.";
  public static final String COMMON_MESSAGE =
      "This password is too common. Please choose a less common one.";
  public static final String SAME_AS_EMAIL_MESSAGE =
      "The password must not be the same as your email address.";

  private final CommonPasswords common;

  private PasswordPolicy(CommonPasswords common) {
    this.common = common;
  }

  public static PasswordPolicy standard() {
    return new PasswordPolicy(CommonPasswords.load());
  }

  /** Throws {@link ValidationException} on the {@code password} field when a rule is broken. */
  public void check(String password, EmailAddress email) {
    String normalised = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC);
    int length = normalised.codePointCount(0, normalised.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new ValidationException("password", LENGTH_MESSAGE);
    }
    if (common.contains(normalised)) {
      throw new ValidationException("password", COMMON_MESSAGE);
    }
    String folded = normalised.strip().toLowerCase(Locale.ROOT);
    if (folded.equals(email.value()) || folded.equals(email.username())) {
      throw new ValidationException("password", SAME_AS_EMAIL_MESSAGE);
    }
  }

  int commonListSize() {
    return common.size();
  }
}
