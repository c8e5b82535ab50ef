package com.siali.label.server.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body. Undertow's own parser (2.4.4) logs a
 * value it cannot decode at ERROR with the raw value as the format string: {@code %ZZ} then throws
 * from the logger (a 500), and a value that formats cleanly, a password say, lands in the log. Here
 * a bad escape or charset is the client's 400, and no value is ever logged.
 */
final class UrlEncodedForm {
  static final String TYPE = "application/x-www-form-urlencoded";

  /** As many as Undertow allows by default; our forms have at most six. */
  static final int MAX_FIELDS = 1000;

  private UrlEncodedForm() {}

  static boolean accepts(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, TYPE, 0, TYPE.length());
  }

  /** The first value of each field, in the order sent. */
  static Map<String, String> decode(byte[] body, String contentType) {
    Charset charset = charset(contentType);
    String text = new String(body, StandardCharsets.ISO_8859_1); // escapes are ASCII; bytes kept
    Map<String, String> fields = new LinkedHashMap<>();
    int count = 0;
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_FIELDS) {
        throw new MalformedRequestException(400, "The form has too many fields.");
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(decode(name, charset), decode(value, charset));
    }
    return fields;
  }

  private static String decode(String raw, Charset charset) {
    try {
      String bytes = URLDecoder.decode(raw, StandardCharsets.ISO_8859_1);
      return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
    } catch (IllegalArgumentException badEscape) {
      throw new MalformedRequestException(400, "The form data is not validly encoded.", badEscape);
    }
  }

  /** The {@code charset} parameter of the content type; UTF-8 when there is none. */
  private static Charset charset(String contentType) {
    String name = "";
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.strip();
      if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        name = trimmed.substring(8).replace("\"", "").strip();
      }
    }
    if (name.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.toLowerCase(Locale.ROOT));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      throw new MalformedRequestException(400, "The form's charset is not known.", unknown);
    }
  }
}
