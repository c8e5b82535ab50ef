package com.siali.label.app.cli;

import com.siali.label.model.AuditFormat;
import com.siali.label.model.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code label-studio audit --since DATE --format csv|jsonl}: the audit log to stdout, newest first
 * (works while the application is running).
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Print the audit log of account events as CSV or JSON Lines, newest first (works while"
            + " the application is running).")
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin DatabaseOption database;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only events from this day (YYYY-MM-DD, UTC) or instant (ISO-8601) on.")
  String since;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv (default) or jsonl.")
  String format;

  private final Launchpad launchpad;
  private final Map<String, String> environment;

  AuditCommand(Launchpad launchpad, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    AuditFormat chosen;
    try {
      chosen = AuditFormat.parse(format, "format");
    } catch (ValidationException e) {
      throw new UserInputException("--format: " + e.getMessage());
    }
    Optional<Instant> from = since == null ? Optional.empty() : Optional.of(parseSince(since));
    try (AdminOperations operations =
        launchpad.connect(dataDir.resolve(), database.resolve(environment))) {
      return Printer.print(operations.audit(from, chosen), spec.commandLine());
    }
  }

  /** A day (its start, UTC) or an instant. */
  static Instant parseSince(String text) {
    try {
      return text.contains("T")
          ? Instant.parse(text)
          : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserInputException(
          "--since: \"" + text + "\" is not a date (YYYY-MM-DD) or an ISO-8601 instant.");
    }
  }
}
