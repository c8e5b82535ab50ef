package com.siali.label.app.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's start-up configuration, found through {@code META-INF/services}: nothing goes to the
 * terminal ({@code label-studio user} prints exactly two lines that scripts parse) until {@link
 * LogSetup} adds the file in the data directory. Done in code rather than in logback.xml, which
 * saves parsing XML at every start.
 */
public final class QuietLogStart extends ContextAwareBase implements Configurator {

  /**
   * jOOQ's open-source {@code SQLDialect.POSTGRES} targets the newest PostgreSQL (the versioned
   * dialects are the commercial editions') and warns once per process that an older server, such as
   * Debian 12's PostgreSQL 15, is "older than what dialect POSTGRES supports". Our SQL is proven on
   * 15 by the PostgreSQL test run (ADR 0013), so the warning tells the user nothing and would stand
   * among our own lines: this one logger is kept to errors.
   */
  static final String JOOQ_VERSION_CHECK = "org.jooq.impl.DefaultExecuteContext.logVersionSupport";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
    context.getLogger(JOOQ_VERSION_CHECK).setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
