package com.siali.label.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The common-password list: 19 726 passwords that leaked most often, lower-cased. It is the list
 * Django (and so Label Studio) validates against, taken from Debian's python3-django 3.2 package
 * ({@code django/contrib/auth/common-passwords.txt.gz}, BSD-3-Clause; compiled by Royce Williams).
 * See docs/adr/0002-argon2id-parameters.md for why we check it.
 */
final class CommonPasswords {
  private static final String RESOURCE = "common-passwords.txt.gz";
  private final Set<String> passwords;

  private CommonPasswords(Set<String> passwords) {
    this.passwords = Set.copyOf(passwords);
  }

  static CommonPasswords load() {
    try (InputStream raw = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Set<String> set = new HashSet<>(32_768);
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          String password = line.strip();
          if (!password.isEmpty()) {
            set.add(password.toLowerCase(Locale.ROOT));
          }
        }
      }
      return new CommonPasswords(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String password) {
    return passwords.contains(password.strip().toLowerCase(Locale.ROOT));
  }

  int size() {
    return passwords.size();
  }
}
