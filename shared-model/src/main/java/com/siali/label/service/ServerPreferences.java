package com.siali.label.service;

import com.siali.label.persistence.Database;
import com.siali.label.persistence.SettingsRepository;

/** Stored choices about how the LAN server runs (the admin console's switches). */
public final class ServerPreferences {
  private static final String HTTPS = "server.https";

  private final Database db;
  private final SettingsRepository settings;

  public ServerPreferences(Database db, SettingsRepository settings) {
    this.db = db;
    this.settings = settings;
  }

  /**
   * Serve the LAN pages over HTTPS with the self-signed certificate (default: plain HTTP, as Label
   * Studio).
   */
  public boolean httpsEnabled() {
    return db.inTransaction(ctx -> settings.get(ctx, HTTPS))
        .map(Boolean::parseBoolean)
        .orElse(false);
  }

  public void setHttpsEnabled(boolean enabled) {
    db.inTransactionDo(ctx -> settings.put(ctx, HTTPS, Boolean.toString(enabled)));
  }
}
