package com.siali.label.server.http;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's {@code If-Match} header (RFC 9110 §13.1.1): the entity tags the client read, or
 * {@code *}. Absent or {@code *} means "no condition" (the handlers have already answered 404 for a
 * missing resource). A tag that is not a quoted strong tag as our {@code ETag} headers give it is a
 * 400: a weak tag could never match under If-Match's strong comparison, so it would only ever fail.
 */
public final class IfMatch {
  private static final Pattern TAG = Pattern.compile("\"([0-9A-Za-z_-]{1,64})\"");

  private IfMatch() {}

  /** The header value for {@code version}. */
  public static String etag(String version) {
    return "\"" + version + "\"";
  }

  /** The versions the client names; empty when it sets no condition. */
  public static Optional<Set<String>> of(WebRequest request) {
    Optional<String> header = request.header("if-match").map(String::strip);
    if (header.isEmpty() || header.get().equals("*")) {
      return Optional.empty();
    }
    Set<String> versions = new LinkedHashSet<>();
    for (String part : header.get().split(",")) {
      var tag = TAG.matcher(part.strip());
      if (!tag.matches()) {
        throw new ApiError(
            400, "If-Match must be the ETag of the account as this API gave it, in double quotes.");
      }
      versions.add(tag.group(1));
    }
    return Optional.of(versions);
  }
}
