package com.siali.label.server.http;

import com.siali.label.security.Signer;
import com.siali.label.security.Tokens;

/**
 * The CSRF value of a visitor who is not signed in (log-in, sign-up, reset-password forms): a
 * double-submit cookie, signed (OWASP's "signed double-submit cookie"). The value is a random nonce
 * and its HMAC under a secret that every server node shares through the database (ADR 0018), so a
 * form served by one node posts to another, while a value nobody of ours made (a cookie planted by
 * a neighbour on the LAN, say) is not accepted: it counts as no cookie, and the next page sets a
 * genuine one.
 */
public final class AnonymousCsrf {
  /** The name of the shared secret, and the context its signatures are made for. */
  public static final String PURPOSE = "anonymous-csrf";

  private static final int NONCE_BYTES = 24;

  private final Signer signer;

  public AnonymousCsrf(Signer signer) {
    this.signer = signer;
  }

  /** A fresh value for the cookie and the form. */
  public String mint() {
    String nonce = Tokens.randomUrlSafe(NONCE_BYTES);
    return nonce + "." + signer.sign(PURPOSE + ":" + nonce);
  }

  /** Whether {@code value} is one that a node of this installation made. */
  public boolean genuine(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0 || dot == value.length() - 1 || value.length() > 200) {
      return false;
    }
    return signer.verifies(PURPOSE + ":" + value.substring(0, dot), value.substring(dot + 1));
  }
}
