package com.siali.label.model;

/** The caller is known but may not do this (for example a non-owner deleting an account). */
public final class PermissionDeniedException extends DomainException {
  public PermissionDeniedException(String message) {
    super(message);
  }
}
