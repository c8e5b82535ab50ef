package com.siali.label.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets for API keys, invitation links and session ids: CSPRNG-made, digested, compared in
 * constant time.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Tokens() {}

  /**
   * {@code bytes} random bytes as lower-case hex (an API token is 20 bytes: 40 characters, 160
   * bits).
   */
  public static String randomHex(int bytes) {
    return HEX.formatHex(randomBytes(bytes));
  }

  /** {@code bytes} random bytes as unpadded base64url: short enough for a link and a QR code. */
  public static String randomUrlSafe(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  public static byte[] randomBytes(int bytes) {
    byte[] out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }

  public static String sha256Hex(String value) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
