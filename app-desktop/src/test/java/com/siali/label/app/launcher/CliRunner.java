package com.siali.label.app.launcher;

import com.siali.label.app.cli.LabelStudioCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in this JVM and captures what it prints. */
final class CliRunner {
  record Result(int exitCode, String out, String err) {}

  private final Map<String, String> environment = new HashMap<>();

  CliRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        LabelStudioCommand.create(
                new DesktopLaunchpad(),
                environment,
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
