package com.siali.label.app.console.server;

import java.util.List;
import java.util.Optional;

/** What the console shows about the LAN server running in this process. */
public interface ServerStatus {

  /** One base URL per address collaborators can reach, e.g. {@code http://192.168.1.20:8080/}. */
  List<String> urls();

  int port();

  boolean https();

  /** The SHA-256 fingerprint of the self-signed certificate, under HTTPS. */
  Optional<String> certificateFingerprint();

  /** {@code true} while the server answers requests. */
  boolean running();
}
