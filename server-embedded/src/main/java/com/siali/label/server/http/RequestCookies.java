package com.siali.label.server.http;

import io.undertow.server.CookieStore;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Cookies;
import java.util.List;
import java.util.Optional;
import org.xnio.OptionMap;

/**
 * Reads one cookie from a request's {@code Cookie} headers, as Undertow parses them for {@code
 * HttpServerExchange.getRequestCookie}, but refusing what Undertow would silently mangle: past
 * {@link #MAX_COOKIES} in one header it drops the rest without a word (a session cookie among
 * them), and it throws on a byte a cookie may not hold or an empty {@code $Path=}. All are the
 * client's 4xx.
 */
final class RequestCookies {
  /** Undertow's own limit ({@code UndertowOptions.MAX_COOKIES}); ours set a few. */
  static final int MAX_COOKIES = 200;

  private RequestCookies() {}

  /**
   * The value of the first cookie called {@code name}, if any.
   *
   * @param headers every {@code Cookie} header of the request (none: an empty list)
   * @param options the connection's Undertow options, which decide how the headers are parsed
   * @throws MalformedRequestException for too many cookies (431) or cookies that cannot be read
   *     (400)
   */
  static Optional<String> value(List<String> headers, OptionMap options, String name) {
    if (headers.stream().mapToLong(RequestCookies::pairs).sum() > MAX_COOKIES) {
      throw new MalformedRequestException(431, "The request has too many cookies.");
    }
    CookieStore cookies = new CookieStore();
    try {
      Cookies.parseRequestCookies(headers, cookies, options);
    } catch (IllegalArgumentException
        | IllegalStateException
        | IndexOutOfBoundsException unreadable) {
      // Undertow 2.4.4 reads a name starting with $ as an RFC 2109 attribute, and an empty value
      // there ("$Path=") throws StringIndexOutOfBoundsException from its stripQuotes.
      throw new MalformedRequestException(
          400, "The request's cookies could not be read.", unreadable);
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static long pairs(String cookieHeader) {
    return cookieHeader.chars().filter(c -> c == ';').count() + 1;
  }
}
