package com.siali.label.app.cli;

import java.util.Map;
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
  @Mixin DatabaseOption database;

  @Option(
      names = "--username",
      required = true,
      paramLabel = "EMAIL",
      description = "The account's email.")
  String username;

  private final Launchpad launchpad;
  private final Map<String, String> environment;

  UserCommand(Launchpad launchpad, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    try (AdminOperations operations =
        launchpad.connect(dataDir.resolve(), database.resolve(environment))) {
      return Printer.print(operations.userInfo(username), spec.commandLine());
    }
  }
}
