package com.siali.label.model;

/**
 * The thing changed elsewhere since the person loaded it (another window, the web, the API): their
 * save was not applied, so that it does not silently undo the other change.
 */
public final class ConflictException extends DomainException {
  public ConflictException(String message) {
    super(message);
  }
}
