package com.siali.label.app.cli;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Formats values the way Python's {@code repr} does, for the dict line of {@code label-studio user}
 * that Label Studio's users and scripts parse.
 */
final class PythonRepr {
  private PythonRepr() {}

  static String dict(Map<String, ?> entries) {
    StringJoiner out = new StringJoiner(", ", "{", "}");
    entries.forEach((key, value) -> out.add(of(key) + ": " + of(value)));
    return out.toString();
  }

  static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return string(value.toString());
  }

  /** Python's choice of quotes: single, unless the text has a single quote and no double quote. */
  static String string(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (cp == quote) {
                    out.append('\\').append((char) cp);
                  } else if (printable(cp)) {
                    out.appendCodePoint(cp);
                  } else {
                    out.append(escape(cp));
                  }
                }
              }
            });
    return out.append(quote).toString();
  }

  /**
   * Python's {@code str.isprintable()}: all but the Other and Separator categories, the space
   * excepted. Escaping the rest keeps the dict on one line for {@code str.splitlines()}, which also
   * breaks at U+0085, U+2028 and U+2029, and keeps lone surrogates out of the UTF-8 output.
   */
  private static boolean printable(int cp) {
    return cp == ' '
        || switch (Character.getType(cp)) {
          case Character.CONTROL,
              Character.FORMAT,
              Character.SURROGATE,
              Character.PRIVATE_USE,
              Character.UNASSIGNED,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR,
              Character.SPACE_SEPARATOR ->
              false;
          default -> true;
        };
  }

  private static String escape(int cp) {
    if (cp < 0x100) {
      return String.format("\\x%02x", cp);
    }
    return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
  }
}
