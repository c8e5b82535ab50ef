package com.siali.label.app.cli;

import com.siali.label.model.Timestamps;
import com.siali.label.model.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of {@code label-studio user}: Label Studio's keys, order and Python-dict notation
 * (SPEC §2).
 */
final class UserInfoLine {
  static final String HEADER = "=> User info:";

  /** There is one organisation per installation; Label Studio's scripts expect its id. */
  static final int ACTIVE_ORGANIZATION = 1;

  private UserInfoLine() {}

  static String of(User user, String token) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("id", user.id());
    info.put("first_name", user.firstName());
    info.put("last_name", user.lastName());
    info.put("username", user.username());
    info.put("email", user.email().value());
    info.put("last_activity", timestamp(user.lastActivity()));
    info.put("avatar", user.avatar().map(name -> "/data/avatars/" + name).orElse(null));
    info.put("initials", user.initials());
    info.put("phone", user.phone());
    info.put("active_organization", ACTIVE_ORGANIZATION);
    info.put("token", token);
    info.put("status", "ok");
    return PythonRepr.dict(info);
  }

  static String unknownUser(String email) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", "error");
    error.put("message", "user " + email + " doesn't exist");
    return PythonRepr.dict(error);
  }

  static String timestamp(Instant instant) {
    return Timestamps.iso(instant);
  }
}
