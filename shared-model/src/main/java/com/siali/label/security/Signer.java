package com.siali.label.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret key: signs a message, and checks a signature in constant time. The
 * key stays inside (no getter, no {@code toString} of it), so a signer can be handed around and
 * logged by mistake without giving the secret away.
 */
public final class Signer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public Signer(String secret) {
    if (secret.length() < 32) {
      throw new IllegalArgumentException("a signing secret needs at least 32 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The signature of {@code message}, unpadded base64url (43 characters). */
  public String sign(String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe: one per call
      mac.init(key);
      byte[] tag = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }

  /** True when {@code signature} is {@code message}'s (compared in constant time). */
  public boolean verifies(String message, String signature) {
    return MessageDigest.isEqual(
        sign(message).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Signer[HMAC-SHA256, key hidden]";
  }
}
