package com.siali.label.security;

/**
 * Argon2id cost parameters. The defaults are OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1); the
 * hash time measured on our reference machine is in docs/adr/0002-argon2id-parameters.md. Every
 * hash stores its own parameters (PHC string), so raising these re-hashes each password at its
 * owner's next log-in.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {
  public static final Argon2Parameters DEFAULT = new Argon2Parameters(19_456, 2, 1);

  public Argon2Parameters {
    if (memoryKib < 19_456 || iterations < 2 || parallelism < 1) {
      throw new IllegalArgumentException(
          "Argon2id parameters below the OWASP minimum (m=19456 KiB, t=2, p=1)");
    }
  }
}
