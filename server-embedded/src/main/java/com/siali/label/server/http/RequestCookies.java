package com.siali.label.server.http;

import io.undertow.server.CookieStore;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Cookies;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xnio.OptionMap;

/**
 * Reads one cookie from a request's {@code Cookie} headers, as Undertow parses them for {@code
 * HttpServerExchange.getRequestCookie}, but refusing what Undertow would silently mangle: past
 * {@link #MAX_COOKIES} in one header it drops the rest without a word (a session cookie among
 * them), and it throws on a byte a cookie may not hold or an empty {@code $Path=}. All are the
 * client's 4xx. A request's headers are parsed once, on its first look-up.
 */
final class RequestCookies {
  /** Undertow's own limit ({@code UndertowOptions.MAX_COOKIES}); ours set a few. */
  static final int MAX_COOKIES = 200;

  /** The request's cookies by name (the first of each), once they have been read. */
  private record Parsed(Map<String, String> byName) {}

  private static final AttachmentKey<Parsed> PARSED = AttachmentKey.create(Parsed.class);

  private RequestCookies() {}

  /**
   * The value of the request's first cookie called {@code name}, if any.
   *
   * @throws MalformedRequestException as {@link #value(List, OptionMap, String)}
   */
  static Optional<String> value(HttpServerExchange exchange, String name) {
    Parsed cookies = exchange.getAttachment(PARSED);
    if (cookies == null) {
      HeaderValues headers = exchange.getRequestHeaders().get(Headers.COOKIE);
      cookies =
          new Parsed(
              parse(
                  headers == null ? List.of() : headers,
                  exchange.getConnection().getUndertowOptions()));
      exchange.putAttachment(PARSED, cookies);
    }
    return Optional.ofNullable(cookies.byName().get(name));
  }

  /**
   * The value of the first cookie called {@code name}, if any.
   *
   * @param headers every {@code Cookie} header of the request (none: an empty list)
   * @param options the connection's Undertow options, which decide how the headers are parsed
   * @throws MalformedRequestException for too many cookies (431) or cookies that cannot be read
   *     (400)
   */
  static Optional<String> value(List<String> headers, OptionMap options, String name) {
    return Optional.ofNullable(parse(headers, options).get(name));
  }

  private static Map<String, String> parse(List<String> headers, OptionMap options) {
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
    Map<String, String> byName = new HashMap<>();
    for (Cookie cookie : cookies) {
      byName.putIfAbsent(cookie.getName(), cookie.getValue());
    }
    return Map.copyOf(byName);
  }

  private static long pairs(String cookieHeader) {
    return cookieHeader.chars().filter(c -> c == ';').count() + 1;
  }
}
