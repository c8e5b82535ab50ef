package com.siali.label.server.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the route table: method, path pattern ({@code {name}} segments), who may call it, the handler.
 * Paths match with or without the trailing slash (SPEC §3).
 */
public record Route(String method, String pattern, Access access, Handler handler) {

  Optional<Map<String, String>> match(String path) {
    String[] want = segments(pattern);
    String[] have = segments(path);
    if (want.length != have.length) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        params.put(want[i].substring(1, want[i].length() - 1), have[i]);
      } else if (!want[i].equals(have[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
