package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xnio.OptionMap;

/**
 * Cookie headers are untrusted text: any of them gives our cookies or a client error, and a value
 * we set comes back exactly, whatever other cookies share the header. Seeds in {@code
 * RequestCookiesFuzzTestInputs/}; {@code tools/fuzz} fuzzes longer.
 */
class RequestCookiesFuzzTest {
  /** What our session ids and CSRF values are made of (URL-safe Base64, a dot before a MAC). */
  private static final String OUR_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

  /** Each line of the input is one {@code Cookie} header, read as Undertow reads header bytes. */
  @FuzzTest(maxDuration = "5m")
  void anyCookieHeaderGivesOurCookiesOrAClientError(byte[] input) {
    List<String> headers =
        input.length == 0
            ? List.of()
            : List.of(new String(input, StandardCharsets.ISO_8859_1).split("\n", -1));

    for (String name : List.of(Cookies.SESSION, Cookies.CSRF)) {
      HttpClientFault.decodedOrRefused(() -> RequestCookies.value(headers, OptionMap.EMPTY, name));
    }
  }

  /**
   * The input's first line is made into a value of our alphabet; the next 20 lines, those that are
   * well-formed cookies, are others a browser holds for the host (name and value split at the first
   * {@code =}). The browser sends them all in one header, ours in the middle.
   */
  @FuzzTest(maxDuration = "5m")
  void theSessionWeSetComesBackExactly(byte[] input) {
    String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", -1);
    String ours = ourValue(lines[0]);
    List<String> cookies = new ArrayList<>();
    for (int i = 1; i < lines.length && i <= 20; i++) {
      String other = wellFormedOtherCookie(lines[i]);
      if (other != null) {
        cookies.add(other);
      }
    }
    cookies.add(cookies.size() / 2, Cookies.SESSION + "=" + ours);
    String header = String.join("; ", cookies);

    Optional<String> sent = RequestCookies.value(List.of(header), OptionMap.EMPTY, Cookies.SESSION);

    assertThat(sent).as("Cookie: %s", header).contains(ours);
  }

  /** Never empty, as ours never are. */
  private static String ourValue(String line) {
    StringBuilder value = new StringBuilder("s");
    for (int i = 0; i < line.length(); i++) {
      value.append(OUR_ALPHABET.charAt(line.charAt(i) % OUR_ALPHABET.length()));
    }
    return value.toString();
  }

  /**
   * {@code name=value} when the line is a cookie RFC 6265 lets a server set (token name,
   * cookie-octet value) and not one of ours; else null. Names starting with {@code $} are left out:
   * Undertow reads them as RFC 2109 attributes ({@code $Path}, {@code $Domain}) of the cookie
   * before, and an empty one is refused as a whole header (400, {@code RequestCookiesTest}).
   */
  private static String wellFormedOtherCookie(String line) {
    int equals = line.indexOf('=');
    if (equals <= 0) {
      return null;
    }
    String name = line.substring(0, equals);
    String value = line.substring(equals + 1);
    if (name.equals(Cookies.SESSION)
        || name.startsWith("$")
        || !name.chars().allMatch(RequestCookiesFuzzTest::isTokenChar)
        || !value.chars().allMatch(RequestCookiesFuzzTest::isCookieOctet)) {
      return null;
    }
    return name + "=" + value;
  }

  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private static boolean isCookieOctet(int c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x2b)
        || (c >= 0x2d && c <= 0x3a)
        || (c >= 0x3c && c <= 0x5b)
        || (c >= 0x5d && c <= 0x7e);
  }
}
