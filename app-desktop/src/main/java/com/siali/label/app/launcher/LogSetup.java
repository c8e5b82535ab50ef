package com.siali.label.app.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to {@code logs/siali-label.log} in the data directory. Until then (and in commands
 * such as {@code user}, whose output scripts parse) nothing is logged to the terminal: see {@link
 * QuietLogStart}.
 */
final class LogSetup {
  private static final String APPENDER = "data-directory-log";

  private LogSetup() {}

  static synchronized void toFile(Path logsDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    String file = logsDir.resolve("siali-label.log").toString();
    var current = root.getAppender(APPENDER);
    if (current instanceof FileAppender<ILoggingEvent> open && file.equals(open.getFile())) {
      return;
    }
    if (current != null) {
      root.detachAppender(
          current); // a process that opens another data directory logs there from now on
      current.stop();
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setName(APPENDER);
    appender.setContext(context);
    appender.setFile(file);
    appender.setEncoder(encoder);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
  }
}
