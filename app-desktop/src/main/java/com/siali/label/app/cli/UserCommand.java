package com.siali.label.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code label-studio user --username EMAIL}. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description =
        "Print an account's details and API token (works while the application is running).")
final class UserCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--username",
      required = true,
      paramLabel = "EMAIL",
      description = "The account's email.")
  String username;

  private final Launchpad launchpad;

  UserCommand(Launchpad launchpad) {
    this.launchpad = launchpad;
  }

  @Override
  public Integer call() {
    try (AdminOperations operations = launchpad.connect(dataDir.resolve())) {
      return Printer.print(operations.userInfo(username), spec.commandLine());
    }
  }
}
