package com.siali.label.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Python dict literal as {@code ast.literal_eval} would, for what {@link PythonRepr}
 * writes: string keys; string values in {@code '} or {@code "} with Python's escapes, ints, {@code
 * True}, {@code False}, {@code None}. Throws {@link IllegalArgumentException} on anything else.
 */
final class PythonLiteral {
  private final String text;
  private int at;

  private PythonLiteral(String text) {
    this.text = text;
  }

  static Map<String, Object> dict(String text) {
    PythonLiteral reader = new PythonLiteral(text);
    Map<String, Object> dict = reader.readDict();
    if (reader.at != text.length()) {
      throw reader.error("text after the dict");
    }
    return dict;
  }

  private Map<String, Object> readDict() {
    expect('{');
    Map<String, Object> dict = new LinkedHashMap<>();
    if (peek() == '}') {
      at++;
      return dict;
    }
    while (true) {
      String key = readString();
      expect(':');
      expect(' ');
      if (dict.put(key, readValue()) != null) {
        throw error("repeated key " + key);
      }
      if (peek() == '}') {
        at++;
        return dict;
      }
      expect(',');
      expect(' ');
    }
  }

  private Object readValue() {
    char c = peek();
    if (c == '\'' || c == '"') {
      return readString();
    }
    for (var word : Map.of("True", true, "False", false, "None", "None").entrySet()) {
      if (text.startsWith(word.getKey(), at)) {
        at += word.getKey().length();
        return word.getKey().equals("None") ? null : word.getValue();
      }
    }
    int start = at;
    if (peek() == '-') {
      at++;
    }
    while (at < text.length() && Character.isDigit(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw error("no value");
    }
    return Long.parseLong(text.substring(start, at));
  }

  private String readString() {
    char quote = next();
    if (quote != '\'' && quote != '"') {
      throw error("no string");
    }
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == quote) {
        return out.toString();
      }
      if (c == '\n' || c == '\r') {
        throw error("line break inside a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escape = next();
      switch (escape) {
        case '\\', '\'', '"' -> out.append(escape);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> out.appendCodePoint(hex(2));
        case 'u' -> out.appendCodePoint(hex(4));
        case 'U' -> out.appendCodePoint(hex(8));
        default -> throw error("unknown escape \\" + escape);
      }
    }
  }

  private int hex(int digits) {
    if (at + digits > text.length()) {
      throw error("cut-off escape");
    }
    int value = Integer.parseUnsignedInt(text.substring(at, at + digits), 16);
    at += digits;
    return value;
  }

  private void expect(char wanted) {
    if (next() != wanted) {
      throw error("expected " + wanted);
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at " + at + " of " + text);
  }
}
