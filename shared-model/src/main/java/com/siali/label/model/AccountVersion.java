package com.siali.label.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of what {@code PATCH /api/users/{id}/} can change on an account (first name,
 * last name, phone, active): the API's {@code ETag}. It is computed, not stored, so that it needs
 * no column and no migration, and it moves only when one of those fields does: a log-in or any
 * other touch of {@code last_activity} leaves it alone, so a client's {@code If-Match} is not
 * refused for a change it cannot have overwritten.
 */
public final class AccountVersion {
  private static final int BYTES = 12;

  private AccountVersion() {}

  public static String of(User user) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    // NUL cannot occur in a field (ProfileUpdate refuses control characters), so the joined
    // text names one profile only.
    String fields =
        String.join(
            "\0", user.firstName(), user.lastName(), user.phone(), Boolean.toString(user.active()));
    byte[] digest = sha256.digest(fields.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, BYTES);
  }
}
