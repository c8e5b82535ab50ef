package com.siali.label.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code label-studio} command and its sub-commands (SPEC §2). */
@Command(
    name = "label-studio",
    mixinStandardHelpOptions = true,
    versionProvider = LabelStudioCommand.Version.class,
    description =
        "Siali Label: user management for a data-labeling team, on your computer and your LAN.",
    subcommandsRepeatable = false)
public final class LabelStudioCommand implements Runnable {
  /** Exit code for mistakes in the command line itself. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line. Errors the operator can fix become one line on stderr and a non-zero
   * exit; an unexpected failure is one line too (its details go to the log file), never a stack
   * trace.
   */
  public static CommandLine create(
      Launchpad launchpad, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    Terminal terminal = new Terminal(out);
    CommandLine commandLine = new CommandLine(new LabelStudioCommand());
    commandLine.addSubcommand(new StartCommand(launchpad, environment));
    commandLine.addSubcommand(new UserCommand(launchpad, environment));
    commandLine.addSubcommand(new ResetPasswordCommand(launchpad, terminal, environment));
    commandLine.addSubcommand(new CopyDatabaseCommand(launchpad, environment));
    commandLine.addSubcommand(new AuditCommand(launchpad, environment));
    commandLine.addSubcommand(new InviteCommand(launchpad, environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println(
                  "label-studio: "
                      + ex.getMessage()
                      + " (see '"
                      + qualified(ex.getCommandLine())
                      + " --help')");
          return USAGE;
        });
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine;
  }

  private static String qualified(CommandLine commandLine) {
    return commandLine.getParent() == null
        ? commandLine.getCommandName()
        : "label-studio " + commandLine.getCommandName();
  }

  /** Reads the version from the jar manifest (the Maven project version). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = LabelStudioCommand.class.getPackage().getImplementationVersion();
      return new String[] {"Siali Label " + (version == null ? "(development build)" : version)};
    }
  }
}
