package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {
  private static Map<String, String> decode(String body, String type) {
    return UrlEncodedForm.decode(body.getBytes(StandardCharsets.ISO_8859_1), type);
  }

  @Test
  void decodesEscapesPlusSignsAndUtf8InTheOrderSent() {
    assertThat(
            decode("email=ana%40example.org&name=Ana+Mar%C3%ADa&empty=&bare", UrlEncodedForm.TYPE))
        .containsExactly(
            Map.entry("email", "ana@example.org"),
            Map.entry("name", "Ana María"),
            Map.entry("empty", ""),
            Map.entry("bare", ""));
  }

  @Test
  void keepsTheFirstValueOfARepeatedField() {
    assertThat(decode("a=1&a=2&&b=3", UrlEncodedForm.TYPE))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
  }

  @Test
  void honoursADeclaredCharset() {
    assertThat(decode("name=Mar%EDa", UrlEncodedForm.TYPE + "; charset=\"ISO-8859-1\""))
        .containsEntry("name", "María");
  }

  @Test
  void refusesBadEscapesUnknownCharsetsAndTooManyFieldsWithA400() {
    for (String body : new String[] {"email=%ZZ", "email=abc%", "email=%4"}) {
      assertThatThrownBy(() -> decode(body, UrlEncodedForm.TYPE))
          .isInstanceOfSatisfying(
              MalformedRequestException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessage("The form data is not validly encoded.");
    }
    for (String charset : new String[] {"nope", "%s%n", "utf 8"}) {
      assertThatThrownBy(() -> decode("a=1", UrlEncodedForm.TYPE + "; charset=" + charset))
          .isInstanceOf(MalformedRequestException.class)
          .hasMessage("The form's charset is not known.");
    }
    String fields = "f=1&".repeat(UrlEncodedForm.MAX_FIELDS + 1);
    assertThatThrownBy(() -> decode(fields, UrlEncodedForm.TYPE))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessage("The form has too many fields.");
  }

  @Test
  void acceptsItsMediaTypeInAnyCase() {
    assertThat(UrlEncodedForm.accepts("Application/X-WWW-Form-Urlencoded; charset=utf-8")).isTrue();
    assertThat(UrlEncodedForm.accepts("multipart/form-data; boundary=x")).isFalse();
    assertThat(UrlEncodedForm.accepts(null)).isFalse();
  }
}
