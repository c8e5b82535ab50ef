package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Form bodies are untrusted bytes: whatever arrives is decoded or refused as the client's mistake,
 * and what a browser encodes decodes to exactly what was typed. Seeds in {@code
 * UrlEncodedFormFuzzTestInputs/}; {@code tools/fuzz} fuzzes longer.
 */
class UrlEncodedFormFuzzTest {
  /**
   * The input's first line is the {@code charset} parameter of the Content-Type (when there is a
   * line break), the rest the body.
   */
  @FuzzTest(maxDuration = "5m")
  void anyBodyAndCharsetIsDecodedOrRefusedAsTheClientsMistake(byte[] input) {
    int lineBreak = indexOf(input, (byte) '\n');
    String type =
        lineBreak < 0
            ? UrlEncodedForm.TYPE
            : UrlEncodedForm.TYPE
                + "; charset="
                + new String(input, 0, lineBreak, StandardCharsets.ISO_8859_1);
    byte[] body = lineBreak < 0 ? input : Arrays.copyOfRange(input, lineBreak + 1, input.length);

    HttpClientFault.decodedOrRefused(() -> UrlEncodedForm.decode(body, type))
        .ifPresent(
            fields -> assertThat(fields).hasSizeLessThanOrEqualTo(UrlEncodedForm.MAX_FIELDS));
  }

  /**
   * The input, read as UTF-8, is a list of names and values separated by U+0001; they are encoded
   * as a browser does ({@code application/x-www-form-urlencoded}, UTF-8) and must decode to exactly
   * the first value of each name, in the order sent.
   */
  @FuzzTest(maxDuration = "5m")
  void whatABrowserEncodesDecodesToExactlyWhatWasTyped(byte[] input) {
    List<String> typed = List.of(new String(input, StandardCharsets.UTF_8).split("\u0001", -1));
    Map<String, String> expected = new LinkedHashMap<>();
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i + 1 < typed.size() && i < 2 * 20; i += 2) {
      String name = typed.get(i);
      String value = typed.get(i + 1);
      expected.putIfAbsent(name, value);
      body.add(encode(name) + "=" + encode(value));
    }

    Map<String, String> decoded =
        UrlEncodedForm.decode(
            body.toString().getBytes(StandardCharsets.US_ASCII),
            UrlEncodedForm.TYPE + "; charset=UTF-8");

    assertThat(decoded).containsExactlyEntriesOf(expected);
  }

  private static String encode(String typed) {
    return URLEncoder.encode(typed, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
