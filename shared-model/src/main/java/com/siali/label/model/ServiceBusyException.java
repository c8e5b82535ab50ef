package com.siali.label.model;

/**
 * Too much work at once (for example the password-hashing pool is saturated); the caller may retry
 * later.
 */
public final class ServiceBusyException extends DomainException {
  public ServiceBusyException(String message) {
    super(message);
  }
}
