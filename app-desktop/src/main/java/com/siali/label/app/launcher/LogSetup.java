package com.siali.label.app.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to {@code logs/siali-label.log} in the data directory. Until then (and in commands
 * such as {@code user}, whose output scripts parse) nothing is logged to the terminal: see {@link
 * QuietLogStart}. Every line names the node that wrote it ({@code LABEL_STUDIO_NODE_NAME}, by
 * default the host name and the port), so that the logs of several nodes can be read together.
 */
final class LogSetup {
  private static final String APPENDER = "data-directory-log";
  private static final String NODE = "node";

  private LogSetup() {}

  /** The name every following log line carries (a Logback context property, read per line). */
  static void nodeName(String name) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.putProperty(NODE, name);
    }
  }

  /** This computer's host name and {@code port}: unique among the nodes of one database. */
  static String defaultNodeName(int port) {
    return hostName() + ":" + port;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  static synchronized void toFile(Path logsDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    if (context.getProperty(NODE) == null) {
      context.putProperty(NODE, hostName()); // a command, not a node: no port
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
    encoder.setPattern("%d{ISO8601} %property{node} %-5level [%thread] %logger{36} - %msg%n");
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
