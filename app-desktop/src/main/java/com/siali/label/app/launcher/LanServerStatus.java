package com.siali.label.app.launcher;

import com.siali.label.app.console.server.ServerStatus;
import com.siali.label.server.LanServer;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The running LAN server as the console's Server section sees it (tests use it over their own
 * server too).
 */
public record LanServerStatus(
    LanServer server, Optional<String> certificateFingerprint, BooleanSupplier isRunning)
    implements ServerStatus {

  @Override
  public List<String> urls() {
    return server.urls();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public boolean https() {
    return certificateFingerprint.isPresent();
  }

  @Override
  public boolean running() {
    return isRunning.getAsBoolean();
  }
}
