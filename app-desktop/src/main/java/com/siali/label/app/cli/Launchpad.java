package com.siali.label.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the commands need from the launcher: reaching the data of an installation, and starting it.
 */
public interface Launchpad {

  /**
   * Account operations on the installation in {@code dataDir}, through the running instance if
   * there is one.
   */
  AdminOperations connect(Path dataDir);

  /** Runs the application until it is stopped; returns the exit code. */
  int start(StartOptions options, PrintWriter out, PrintWriter err);
}
