package com.siali.label.app.cli;

/**
 * What a command printed and how it ended; the same whether it ran here or in the running instance.
 */
public record CommandOutput(int exitCode, String stdout, String stderr) {
  public static final int OK = 0;
  public static final int FAILED = 1;

  public static CommandOutput ok(String stdout) {
    return new CommandOutput(OK, stdout, "");
  }

  public static CommandOutput failed(String stderr) {
    return new CommandOutput(FAILED, "", stderr);
  }

  public static CommandOutput failedWithStdout(String stdout) {
    return new CommandOutput(FAILED, stdout, "");
  }
}
