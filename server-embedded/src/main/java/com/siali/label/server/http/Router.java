package com.siali.label.server.http;

import com.siali.label.model.AuditContext;
import com.siali.label.model.User;
import com.siali.label.security.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table and the checks every route gets before its handler runs: method, access
 * (SECURITY.md: ownership is the handler's job), CSRF on every state change, and no foreign {@code
 * Origin}.
 */
public final class Router {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  public static final String CSRF_FIELD = "csrf_token";
  public static final String CSRF_HEADER = "x-csrftoken";

  private final List<Route> routes;
  private final ErrorMapper errors;

  public Router(List<Route> routes, ErrorMapper errors) {
    this.routes = List.copyOf(routes);
    this.errors = errors;
  }

  /**
   * True when a request for {@code path} may be answered on the I/O thread (see {@link
   * Route#ioThreadSafe}).
   */
  public boolean ioThreadSafe(String method, String path) {
    List<String> segments = Route.Path.segments(path);
    for (Route route : routes) {
      if (route.method().equals(method) && route.match(segments).isPresent()) {
        return route.ioThreadSafeNow().getAsBoolean();
      }
    }
    return false;
  }

  public WebResponse handle(WebRequest request) throws Exception {
    List<String> path = Route.Path.segments(request.path());
    String method = request.method().equals("HEAD") ? "GET" : request.method();
    List<String> allowed = new ArrayList<>(2);
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      if (!route.method().equals(method)) {
        allowed.add(route.method());
        continue;
      }
      WebRequest routed = request.withRoute(params.get());
      Optional<WebResponse> refused = check(route.access(), routed);
      if (refused.isPresent()) {
        return refused.get();
      }
      // Who acts and from where, for the audit log of whatever the handler changes.
      return AuditContext.web(routed.user().map(User::id), routed.clientAddress())
          .call(() -> route.handler().handle(routed));
    }
    if (allowed.isEmpty()) {
      return errors.respond(request.path(), 404, "Not found.");
    }
    return errors
        .respond(request.path(), 405, "Method \"" + request.method() + "\" not allowed.")
        .header("Allow", String.join(", ", allowed));
  }

  private Optional<WebResponse> check(Access access, WebRequest request) {
    boolean changesState = !SAFE_METHODS.contains(request.method());
    if (changesState && foreignOrigin(request)) {
      return Optional.of(
          errors.respond(request.path(), 403, "Cross-site requests are not accepted."));
    }
    switch (access) {
      case SIGNED_IN -> {
        if (request.session().isEmpty()) {
          String next = URLEncoder.encode(request.path(), StandardCharsets.UTF_8);
          return Optional.of(WebResponse.redirect("/user/login/?next=" + next));
        }
      }
      case SIGNED_IN_OR_TOKEN -> {
        if (changesState) {
          throw new IllegalStateException("SIGNED_IN_OR_TOKEN is for reading: " + request.path());
        }
        if (request.user().isEmpty()) {
          String next = URLEncoder.encode(request.path(), StandardCharsets.UTF_8);
          return Optional.of(WebResponse.redirect("/user/login/?next=" + next));
        }
        return Optional.empty();
      }
      case API -> {
        if (request.user().isEmpty()) {
          return Optional.of(
              errors.respond(request.path(), 401, "Authentication credentials were not provided."));
        }
        if (changesState && request.tokenUser().isEmpty() && !csrfHeaderMatches(request)) {
          return Optional.of(
              errors.respond(request.path(), 403, "CSRF Failed: CSRF token missing or incorrect."));
        }
        return Optional.empty();
      }
      case ANYONE -> {}
    }
    if (changesState && !csrfFieldMatches(request)) {
      return Optional.of(
          errors.respond(
              request.path(),
              403,
              "This form has expired or did not come from this site. Go back, reload the page and try again."));
    }
    return Optional.empty();
  }

  /**
   * The CSRF token a form of this visitor carries: the session's, or the anonymous double-submit
   * cookie.
   */
  public static String expectedCsrf(WebRequest request) {
    return request.session().map(s -> s.csrfToken()).orElse(request.anonymousCsrf());
  }

  private static boolean csrfFieldMatches(WebRequest request) {
    String expected = expectedCsrf(request);
    return !expected.isEmpty()
        && Tokens.constantTimeEquals(expected, request.formField(CSRF_FIELD));
  }

  private static boolean csrfHeaderMatches(WebRequest request) {
    String expected = request.session().map(s -> s.csrfToken()).orElse("");
    return !expected.isEmpty()
        && Tokens.constantTimeEquals(expected, request.header(CSRF_HEADER).orElse(""));
  }

  /**
   * True for an {@code Origin} of another site. Browsers send {@code Origin: null} for same-site
   * form posts under our {@code Referrer-Policy: no-referrer}; that says nothing about the origin,
   * so the CSRF token decides.
   */
  private static boolean foreignOrigin(WebRequest request) {
    Optional<String> origin = request.header("origin");
    if (origin.isEmpty() || origin.get().equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin.get());
      String host = request.header("host").orElse("");
      String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      return !originHost.equalsIgnoreCase(host)
          && !uri.getHost().equalsIgnoreCase(HostCheck.hostPart(host));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
