package com.siali.label.app.console.common;

import com.siali.label.model.DomainException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into one sentence for the window; the details of anything unexpected go to the
 * log only.
 */
public final class UserMessages {
  private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

  private UserMessages() {}

  public static String describe(Throwable failure) {
    if (failure instanceof DomainException known) {
      return known.getMessage();
    }
    if (failure instanceof NoSuchFileException missing) {
      return "The file " + missing.getFile() + " does not exist.";
    }
    if (failure instanceof IOException io) {
      return "The file could not be read: " + io.getMessage();
    }
    LOG.error("unexpected failure in the console", failure);
    return "Something went wrong; the details are in the log file in the data directory.";
  }
}
