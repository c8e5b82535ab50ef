package com.siali.label.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code label-studio reset_password}: prompts for what was not given, in Label Studio's order (the
 * username, checked, then the new password without echo).
 */
@Command(
    name = "reset_password",
    mixinStandardHelpOptions = true,
    description = "Set a new password for an account (works while the application is running).")
final class ResetPasswordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin DatabaseOption database;

  @Option(
      names = "--username",
      paramLabel = "EMAIL",
      description = "The account's email (prompted if absent).")
  String username;

  @Option(
      names = "--password",
      paramLabel = "PW",
      description = "The new password (prompted without echo if absent).")
  String password;

  private final Launchpad launchpad;
  private final Map<String, String> environment;
  private final Terminal terminal;

  ResetPasswordCommand(Launchpad launchpad, Terminal terminal, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    String email = username != null ? username : terminal.readLine("Username: ");
    try (AdminOperations operations =
        launchpad.connect(dataDir.resolve(), database.resolve(environment))) {
      CommandOutput exists = operations.checkUserExists(email);
      if (exists.exitCode() != CommandOutput.OK) {
        return Printer.print(exists, spec.commandLine());
      }
      String newPassword = password != null ? password : terminal.readPassword("New password: ");
      return Printer.print(operations.resetPassword(email, newPassword), spec.commandLine());
    }
  }
}
