package com.siali.label.service;

import com.siali.label.persistence.Database;
import java.util.Optional;

/**
 * Whether this node reaches its database, for {@code /health} (a load balancer takes a node that
 * cannot out of its rotation). Answered from the last background check, never by a query per call,
 * so it is safe on an I/O thread under load.
 */
public final class DatabaseStatus {
  private final Database db;

  DatabaseStatus(Database db) {
    this.db = db;
  }

  /** Why the database cannot be reached right now; empty while it can. */
  public Optional<String> unreachable() {
    return db.unreachable();
  }
}
