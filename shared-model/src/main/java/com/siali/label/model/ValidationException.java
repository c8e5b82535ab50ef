package com.siali.label.model;

/**
 * Input that breaks a rule; {@link #field()} names the form field it belongs to (for example {@code
 * password}).
 */
public final class ValidationException extends DomainException {
  private final String field;

  public ValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
