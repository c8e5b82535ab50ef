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

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
