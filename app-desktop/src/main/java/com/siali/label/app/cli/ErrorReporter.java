package com.siali.label.app.cli;

import com.siali.label.model.DomainException;
import com.siali.label.persistence.DatabaseCopy;
import com.siali.label.persistence.DatabaseInUseException;
import com.siali.label.persistence.DatabaseSettingsException;
import com.siali.label.persistence.DatabaseUnavailableException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception from a command into one line on stderr and an exit code. */
final class ErrorReporter implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    String message;
    int exit;
    if (ex instanceof DatabaseSettingsException) {
      message = ex.getMessage();
      exit = LabelStudioCommand.USAGE;
    } else if (ex instanceof UserInputException || ex instanceof DomainException) {
      message = ex.getMessage();
      exit = ex instanceof UserInputException ? LabelStudioCommand.USAGE : CommandOutput.FAILED;
    } else if (ex instanceof DatabaseInUseException
        || ex instanceof DatabaseUnavailableException
        || ex instanceof DatabaseCopy.TargetNotEmptyException
        || ex instanceof StartupException
        || ex instanceof UncheckedIOException) {
      message = ex.getMessage();
      exit = CommandOutput.FAILED;
    } else {
      LOG.error("unexpected failure in '{}'", commandLine.getCommandName(), ex);
      message = "unexpected error: " + ex + " (details in the log file in the data directory)";
      exit = CommandOutput.FAILED;
    }
    commandLine.getErr().println("label-studio: " + message);
    commandLine.getErr().flush();
    return exit;
  }
}
