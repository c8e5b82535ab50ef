package com.siali.label.app.launcher;

import com.siali.label.app.cli.CommandOutput;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages on the control socket: one JSON line each way. Every request carries the per-install
 * secret, so the socket answers only someone who can read the data directory.
 */
final class ControlProtocol {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int MAX_LINE = 64 * 1024;

  enum Operation {
    USER_INFO,
    CHECK_USER,
    RESET_PASSWORD,
    AUDIT,
    INVITE,
    LIST_INVITATIONS,
    REVOKE_INVITATION,
    /** A second {@code start}: bring the window to the front and say where the server runs. */
    ACTIVATE
  }

  /**
   * {@code since} (an ISO-8601 instant, or null) and {@code format} ({@code csv} or {@code jsonl})
   * are for {@link Operation#AUDIT} only.
   *
   * @param emails, expiresInDays {@code invite}'s addresses and expiry
   * @param invitationId the invitation {@code invite --revoke} names
   */
  record Request(
      String secret,
      Operation operation,
      String email,
      String password,
      String since,
      String format,
      List<String> emails,
      int expiresInDays,
      long invitationId) {
    Request(String secret, Operation operation, String email, String password) {
      this(secret, operation, email, password, null, null, List.of(), 0, 0);
    }

    static Request about(String secret, Operation operation, String email, String password) {
      return new Request(secret, operation, email, password);
    }
  }

  record Response(CommandOutput output, List<String> urls) {}

  private ControlProtocol() {}
}
