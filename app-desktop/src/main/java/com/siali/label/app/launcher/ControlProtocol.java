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
    /** A second {@code start}: bring the window to the front and say where the server runs. */
    ACTIVATE
  }

  record Request(String secret, Operation operation, String email, String password) {}

  record Response(CommandOutput output, List<String> urls) {}

  private ControlProtocol() {}
}
