package com.siali.label.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads headers, query and body of an exchange into a {@link RequestContent}, within {@link
 * BodyLimits}. A body is read only on a worker (the exchange is blocking there); on the I/O thread
 * only body-less requests are answered, so nothing is read. A body that cannot be read (broken
 * multipart, bad chunking, cut short) is the client's fault: a {@link MalformedRequestException}.
 */
final class RequestReader {
  private final FormParserFactory multipart =
      FormParserFactory.builder(false)
          .addParser(new MultiPartParserDefinition().setDefaultEncoding("UTF-8"))
          .build();

  RequestContent read(HttpServerExchange exchange) throws IOException {
    BodyLimits.apply(exchange);
    Map<String, String> form = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] body = new byte[0];
    if (!exchange.isInIoThread()) {
      String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      try {
        FormDataParser parser;
        if (UrlEncodedForm.accepts(type)) {
          form.putAll(UrlEncodedForm.decode(exchange.getInputStream().readAllBytes(), type));
        } else if ((parser = multipart.createParser(exchange)) != null) {
          readMultipart(parser, form, files);
        } else if (exchange.isRequestChannelAvailable() && !isGet(exchange)) {
          body = exchange.getInputStream().readAllBytes();
        }
      } catch (RequestTooBigException | MalformedRequestException refused) {
        throw refused;
      } catch (IOException | RuntimeException unreadable) {
        // Undertow's parsers throw IOExceptions, and for some input (an empty boundary, too many
        // parts) runtime exceptions: all of them are about the bytes the client sent.
        throw new MalformedRequestException(400, "The request body could not be read.", unreadable);
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

  /** A multipart body: the first value of each field, files as bytes. */
  private static void readMultipart(
      FormDataParser parser, Map<String, String> form, Map<String, byte[]> files)
      throws IOException {
    try (parser) {
      FormData data = parser.parseBlocking();
      for (String name : data) {
        FormData.FormValue value = data.getFirst(name);
        if (value.isFileItem()) {
          try (InputStream in = value.getFileItem().getInputStream()) {
            files.put(name, in.readAllBytes());
          }
        } else {
          form.put(name, value.getValue());
        }
      }
    }
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

  private static String clientAddress(HttpServerExchange exchange) {
    return exchange.getSourceAddress() == null
        ? ""
        : exchange.getSourceAddress().getAddress().getHostAddress();
  }
}
