package com.siali.label.security;

/**
 * Measures Argon2id hash and verify time for a few parameter sets (run by tools/bench argon2; not a
 * test). The figures feed docs/adr/0002-argon2id-parameters.md and the login-throughput bound in
 * PERFORMANCE.md.
 */
public final class Argon2Timing {
  private static final int WARM_UP = 5;
  private static final int ROUNDS = 30;

  private Argon2Timing() {}

  public static void main(String[] args) {
    Argon2Parameters[] candidates = {
      Argon2Parameters.DEFAULT,
      new Argon2Parameters(19_456, 3, 1),
      new Argon2Parameters(47_104, 2, 1),
      new Argon2Parameters(65_536, 3, 1),
    };
    for (Argon2Parameters p : candidates) {
      PasswordHasher hasher = new PasswordHasher(p, 1);
      String hash = null;
      for (int i = 0; i < WARM_UP; i++) {
        hash = hasher.hash("correct horse battery");
      }
      long start = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        hash = hasher.hash("correct horse battery");
      }
      long hashed = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        hasher.verify(hash, "correct horse battery");
      }
      long verified = System.nanoTime();
      System.out.printf(
          "m=%d KiB t=%d p=%d: hash %.1f ms, verify %.1f ms (mean of %d)%n",
          p.memoryKib(),
          p.iterations(),
          p.parallelism(),
          (hashed - start) / 1e6 / ROUNDS,
          (verified - hashed) / 1e6 / ROUNDS,
          ROUNDS);
    }
  }
}
