package com.siali.label.server.http;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.service.SessionService.ActiveSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as handlers see it: parsed, size-checked, and with the caller identified (by session
 * cookie or API token). Handlers never see Undertow.
 *
 * @param form text fields of a urlencoded or multipart body (first value of each)
 * @param files uploaded files of a multipart body, by field name
 * @param sessionId the session cookie's value, present only when it names a valid session
 * @param session the signed-in session, when the session cookie named one
 * @param tokenUser the account of a valid {@code Authorization: Token} header
 * @param anonymousCsrf the double-submit CSRF cookie of a visitor who is not signed in (may be
 *     empty)
 */
public record WebRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Map<String, String> form,
    Map<String, byte[]> files,
    Map<String, String> headers,
    String clientAddress,
    Optional<String> sessionId,
    Optional<ActiveSession> session,
    Optional<User> tokenUser,
    String anonymousCsrf,
    byte[] body) {

  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  public String formField(String name) {
    return form.getOrDefault(name, "");
  }

  /** Whether the form sent {@code name} at all (even empty). */
  public boolean formFieldPresent(String name) {
    return form.containsKey(name);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The signed-in account, whichever way it authenticated. */
  public Optional<User> user() {
    return session.map(ActiveSession::user).or(() -> tokenUser);
  }

  /** The account a route with {@link Access#SIGNED_IN} or {@link Access#API} may rely on. */
  public User requireUser() {
    return user().orElseThrow(() -> new IllegalStateException("route is not protected: " + path));
  }

  public long pathId(String name) {
    try {
      return Long.parseLong(pathParams.get(name));
    } catch (NumberFormatException e) {
      throw new NotFoundException("Not found.");
    }
  }

  WebRequest withRoute(Map<String, String> params) {
    return new WebRequest(
        method,
        path,
        params,
        query,
        form,
        files,
        headers,
        clientAddress,
        sessionId,
        session,
        tokenUser,
        anonymousCsrf,
        body);
  }
}
