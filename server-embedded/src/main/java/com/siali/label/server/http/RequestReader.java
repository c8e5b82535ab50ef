package com.siali.label.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads headers, query and body of an exchange into a {@link RequestContent}. The body has already
 * arrived whole, on the I/O thread ({@link BodyReceiver}, within {@link BodyLimits} and a
 * deadline), so decoding it here never waits for the client. A body that cannot be decoded (broken
 * multipart, bad escapes) is the client's fault: a {@link MalformedRequestException}.
 */
final class RequestReader {
  private final TrustedProxies proxies;

  RequestReader(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  RequestContent read(HttpServerExchange exchange) {
    Map<String, String> form = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] body = new byte[0];
    byte[] received = exchange.getAttachment(BodyReceiver.BODY);
    if (received != null) {
      String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      if (UrlEncodedForm.accepts(type)) {
        form.putAll(UrlEncodedForm.decode(received, type));
      } else if (MultipartForm.accepts(type)) {
        MultipartForm.decode(
            received, type, exchange.getConnection().getByteBufferPool(), form, files);
      } else if (!isGet(exchange)) {
        body = received;
      }
    }
    return new RequestContent(
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        query(exchange),
        headers(exchange),
        form,
        files,
        body,
        clientAddress(exchange));
  }

  private static boolean isGet(HttpServerExchange exchange) {
    return exchange.getRequestMethod().toString().equals("GET");
  }

  private static Map<String, String> headers(HttpServerExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
    }
    return headers;
  }

  private static Map<String, List<String>> query(HttpServerExchange exchange) {
    Map<String, List<String>> query = new HashMap<>();
    for (Map.Entry<String, Deque<String>> entry : exchange.getQueryParameters().entrySet()) {
      query.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    return query;
  }

  /**
   * The peer, or the client behind it when the peer is a trusted proxy ({@link TrustedProxies}).
   */
  private String clientAddress(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    if (source == null || source.getAddress() == null) {
      return "";
    }
    HeaderValues forwarded = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
    return proxies
        .client(source.getAddress(), forwarded == null ? List.of() : List.copyOf(forwarded))
        .getHostAddress();
  }
}
