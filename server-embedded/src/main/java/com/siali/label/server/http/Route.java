package com.siali.label.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One row of the route table: method, path pattern ({@code {name}} segments), who may call it, the
 * handler. Paths match with or without the trailing slash (SPEC §3). The pattern is split once,
 * here: matching runs on every request and must not compile anything.
 */
public record Route(
    String method,
    String pattern,
    Access access,
    Handler handler,
    List<String> segments,
    BooleanSupplier ioThreadSafeNow) {
  private static final BooleanSupplier NEVER = () -> false;
  private static final BooleanSupplier ALWAYS = () -> true;

  public Route(String method, String pattern, Access access, Handler handler) {
    this(method, pattern, access, handler, Path.segments(pattern), NEVER);
  }

  /**
   * A route whose handler never blocks (no database, no Argon2): it uses only the request, the
   * caller included. Such a GET is answered on Undertow's I/O thread, without a hand-off to a
   * worker, when identifying the caller does not block either: an anonymous caller, or an API token
   * already in memory (ADR 0009). A session cookie, an uncached token or a body still means a
   * worker.
   */
  public static Route ioThreadSafe(String method, String pattern, Access access, Handler handler) {
    return new Route(method, pattern, access, handler, Path.segments(pattern), ALWAYS);
  }

  /**
   * As {@link #ioThreadSafe}, but only while {@code inMemory} says that what the handler reads is
   * in memory (a setting the change feed keeps); otherwise a worker answers, as the database may be
   * read.
   */
  public static Route ioThreadSafeWhile(
      BooleanSupplier inMemory, String method, String pattern, Access access, Handler handler) {
    return new Route(method, pattern, access, handler, Path.segments(pattern), inMemory);
  }

  Optional<Map<String, String>> match(List<String> path) {
    if (segments.size() != path.size()) {
      return Optional.empty();
    }
    Map<String, String> params = null;
    for (int i = 0; i < segments.size(); i++) {
      String want = segments.get(i);
      if (want.startsWith("{") && want.endsWith("}")) {
        if (params == null) {
          params = new HashMap<>(4);
        }
        params.put(want.substring(1, want.length() - 1), path.get(i));
      } else if (!want.equals(path.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params == null ? Map.of() : params);
  }

  /**
   * Splits a path into its non-empty segments ("/user/login/" → [user, login]) without regular
   * expressions.
   */
  static final class Path {
    private Path() {}

    static List<String> segments(String path) {
      var out = new ArrayList<String>(6);
      int start = 0;
      for (int i = 0; i <= path.length(); i++) {
        if (i == path.length() || path.charAt(i) == '/') {
          if (i > start) {
            out.add(path.substring(start, i));
          }
          start = i + 1;
        }
      }
      return out;
    }
  }
}
