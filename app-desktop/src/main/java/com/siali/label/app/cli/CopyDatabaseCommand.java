package com.siali.label.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code label-studio copy-database --to-postgresql}: moving a laptop's data to a server. */
@Command(
    name = "copy-database",
    mixinStandardHelpOptions = true,
    description =
        "Copy the data directory's embedded database (accounts with their passwords, tokens, the"
            + " invitation link, settings, projects, annotations, profile pictures) into an empty PostgreSQL database"
            + " named by --database-url or the DJANGO_DB/POSTGRE_* variables. The embedded"
            + " database is only read; stop Siali Label first.")
final class CopyDatabaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin DatabaseOption database;

  @Option(
      names = "--to-postgresql",
      required = true,
      description = "Copy into PostgreSQL (the only target there is).")
  boolean toPostgresql;

  @Option(
      names = "--with-sessions",
      description = "Copy the web sessions too, so that nobody has to log in again.")
  boolean withSessions;

  private final Launchpad launchpad;
  private final Map<String, String> environment;

  CopyDatabaseCommand(Launchpad launchpad, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    launchpad.copyDatabase(
        dataDir.resolve(),
        database.resolve(environment),
        withSessions,
        spec.commandLine().getOut());
    return 0;
  }
}
