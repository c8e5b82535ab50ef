package com.siali.label.model;

/**
 * A failure a user can act on: every service reports problems with one of these subtypes and never
 * with {@code null}. Each interface maps them in one place (an HTTP status, a form message, a CLI
 * line).
 */
public abstract sealed class DomainException extends RuntimeException
    permits ValidationException,
        NotFoundException,
        AlreadyExistsException,
        PermissionDeniedException,
        AuthenticationFailedException,
        ServiceBusyException,
        ConflictException,
        StorageUnavailableException {

  protected DomainException(String message) {
    // The message is meant for the user; a stack trace is never shown to them, so do not pay for
    // one.
    super(message, null, false, false);
  }
}
