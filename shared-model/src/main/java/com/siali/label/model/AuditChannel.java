package com.siali.label.model;

/** Where an account event came from: the LAN pages or API, the admin window, or a command. */
public enum AuditChannel {
  WEB("web"),
  WINDOW("window"),
  COMMAND_LINE("command line"),
  /** The application itself (a start, a scheduled job, a test calling a service directly). */
  SYSTEM("system");

  private final String label;

  AuditChannel(String label) {
    this.label = label;
  }

  /** How the log names the channel, and the actor when no account acted. */
  public String label() {
    return label;
  }
}
