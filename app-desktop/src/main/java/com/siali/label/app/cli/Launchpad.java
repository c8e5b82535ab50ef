package com.siali.label.app.cli;

import com.siali.label.persistence.DatabaseTarget;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the commands need from the launcher: reaching the data of an installation, and starting it.
 */
public interface Launchpad {

  /**
   * Account operations on the installation in {@code dataDir} with {@code database}: on the
   * embedded database through the running instance if there is one (ADR 0005); on PostgreSQL, which
   * several processes share, directly.
   */
  AdminOperations connect(Path dataDir, DatabaseTarget database);

  /**
   * Copies the embedded database of {@code dataDir} into the empty PostgreSQL {@code target},
   * printing progress and the rows copied to {@code out}; the embedded data is only read.
   */
  void copyDatabase(Path dataDir, DatabaseTarget target, boolean withSessions, PrintWriter out);

  /** Runs the application until it is stopped; returns the exit code. */
  int start(StartOptions options, PrintWriter out, PrintWriter err);
}
