package com.siali.label.server.http;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads an API request's JSON object; refuses other media types (415), other shapes and unknown
 * fields (400).
 */
public final class JsonBody {
  private JsonBody() {}

  public static JsonNode object(WebRequest request, Set<String> writable, Set<String> readOnly) {
    String type = request.header("content-type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "Send the request body as application/json.");
    }
    JsonNode body = Json.MAPPER.readTree(request.body());
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "The request body must be a JSON object.");
    }
    for (String field : body.propertyNames()) {
      if (readOnly.contains(field)) {
        throw new ApiError(400, field + " is read-only.");
      }
      if (!writable.contains(field)) {
        throw new ApiError(400, "Unknown field: " + field + ".");
      }
    }
    return body;
  }

  /** A string field, or {@code fallback} when absent; anything but a string is refused. */
  public static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isString()) {
      throw new ApiError(400, field + " must be a string.");
    }
    return value.asString();
  }
}
