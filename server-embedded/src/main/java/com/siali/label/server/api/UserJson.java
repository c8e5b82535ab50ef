package com.siali.label.server.api;

import com.siali.label.model.Timestamps;
import com.siali.label.model.User;

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
