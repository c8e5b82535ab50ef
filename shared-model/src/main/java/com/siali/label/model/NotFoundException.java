package com.siali.label.model;

/** The account, project or other object asked for does not exist. */
public final class NotFoundException extends DomainException {
  public NotFoundException(String message) {
    super(message);
  }
}
