package com.siali.label.service.avatar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The picture formats we accept, recognised by their first bytes, never by file name or declared
 * type.
 */
enum ImageFormat {
  PNG,
  JPEG,
  GIF,
  WEBP;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (bytes.length >= 12
        && startsWith(bytes, ascii("RIFF"))
        && Arrays.equals(bytes, 8, 12, ascii("WEBP"), 0, 4)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** An SVG (or any XML) document: refused with its own message, since it can carry scripts. */
  static boolean looksLikeSvg(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<?xml")
        || head.startsWith("<svg")
        || head.startsWith("<!doctype svg")
        || head.contains("<svg");
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
