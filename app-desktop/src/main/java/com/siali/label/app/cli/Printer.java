package com.siali.label.app.cli;

import picocli.CommandLine;

/** Writes a {@link CommandOutput} to the command's streams. */
final class Printer {
  private Printer() {}

  static int print(CommandOutput output, CommandLine commandLine) {
    commandLine.getOut().print(output.stdout());
    commandLine.getOut().flush();
    commandLine.getErr().print(output.stderr());
    commandLine.getErr().flush();
    return output.exitCode();
  }
}
