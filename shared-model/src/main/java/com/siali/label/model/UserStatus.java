package com.siali.label.model;

/** Which accounts a People list shows: everyone, only active ones, or only deactivated ones. */
public enum UserStatus {
  ALL,
  ACTIVE,
  DEACTIVATED;

  /** Whether an account with this active flag is shown. */
  public boolean admits(boolean active) {
    return switch (this) {
      case ALL -> true;
      case ACTIVE -> active;
      case DEACTIVATED -> !active;
    };
  }
}
