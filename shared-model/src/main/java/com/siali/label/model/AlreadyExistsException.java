package com.siali.label.model;

/** Creating something that must be unique, such as an account for an email that already has one. */
public final class AlreadyExistsException extends DomainException {
  public AlreadyExistsException(String message) {
    super(message);
  }
}
