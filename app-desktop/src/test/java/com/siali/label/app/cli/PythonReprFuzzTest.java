package com.siali.label.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dict line of {@code label-studio user} is parsed by Label Studio's users' scripts: for any
 * names, emails and phones it must read back (as {@code ast.literal_eval} would) to exactly the
 * values printed, and stay one line for Python's {@code str.splitlines()}. Seeds in {@code
 * PythonReprFuzzTestInputs/}; {@code tools/fuzz} fuzzes longer.
 */
class PythonReprFuzzTest {
  private static final List<String> TEXT_KEYS =
      List.of("first_name", "last_name", "username", "email", "initials", "phone", "token");

  /** Where Python's {@code str.splitlines()} breaks a line. */
  private static final String PYTHON_LINE_BREAKS =
      "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";

  /** The input, read as UTF-8, holds the text fields separated by U+0001. */
  @FuzzTest(maxDuration = "5m")
  void anyTextReadsBackExactlyFromOneLine(byte[] input) {
    String[] texts = new String(input, StandardCharsets.UTF_8).split("\u0001", -1);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("id", (long) input.length);
    for (int i = 0; i < TEXT_KEYS.size(); i++) {
      info.put(TEXT_KEYS.get(i), i < texts.length ? texts[i] : "");
    }
    info.put("avatar", null);
    info.put("active_organization", 1L);
    info.put("is_owner", input.length % 2 == 0);

    String line = PythonRepr.dict(info);

    assertThat(line.chars().filter(c -> PYTHON_LINE_BREAKS.indexOf(c) >= 0))
        .as("line breaks in %s", line)
        .isEmpty();
    assertThat(PythonLiteral.dict(line)).containsExactlyEntriesOf(info);
  }
}
