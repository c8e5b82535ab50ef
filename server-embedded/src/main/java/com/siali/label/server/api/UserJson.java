package com.siali.label.server.api;

import com.siali.label.model.AccountVersion;
import com.siali.label.model.Timestamps;
import com.siali.label.model.User;
import com.siali.label.server.http.IfMatch;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebResponse;

/**
 * Label Studio's user JSON (SPEC §6), in its key order. Never a password hash, never a token:
 * neither is on {@link User}.
 */
public record UserJson(
    long id,
    String firstName,
    String lastName,
    String username,
    String email,
    String lastActivity,
    String avatar,
    String initials,
    String phone,
    int activeOrganization,
    String dateJoined,
    boolean isActive) {

  /**
   * One account's JSON with its {@code ETag} ({@link AccountVersion}), which a {@code PATCH} may
   * send back in {@code If-Match} to be refused (409) if the account changed in between.
   */
  public static WebResponse response(int status, User user) {
    return WebResponse.json(status, Json.write(of(user)))
        .header("ETag", IfMatch.etag(AccountVersion.of(user)));
  }

  public static UserJson of(User user) {
    return new UserJson(
        user.id(),
        user.firstName(),
        user.lastName(),
        user.username(),
        user.email().value(),
        Timestamps.iso(user.lastActivity()),
        user.avatar().map(name -> "/data/avatars/" + name).orElse(null),
        user.initials(),
        user.phone(),
        1,
        Timestamps.iso(user.dateJoined()),
        user.active());
  }
}
