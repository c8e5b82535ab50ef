package com.siali.label.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an audit event records (issue #17). The wire name ({@code logged_in}) is what the database,
 * the exports and the API's {@code action} filter use; the label is what the window and the pages
 * show. The invitation kinds are recorded by the personal invitations.
 */
public enum AuditAction {
  SIGNED_UP("Signed up"),
  LOGGED_IN("Logged in"),
  LOGIN_FAILED("Log-in failed"),
  LOGGED_OUT("Logged out"),
  PASSWORD_CHANGED("Password changed"),
  PASSWORD_RESET_LINK_CREATED("Password-reset link made"),
  TOKEN_RESET("Token reset"),
  PROFILE_CHANGED("Profile changed"),
  PICTURE_CHANGED("Picture changed"),
  DEACTIVATED("Deactivated"),
  ACTIVATED("Activated"),
  DELETED("Deleted"),
  SESSIONS_ENDED("Sessions ended"),
  INVITATION_CREATED("Invitation created"),
  INVITATION_REDEEMED("Invitation redeemed"),
  INVITATION_REVOKED("Invitation revoked"),
  SHARED_LINK_RESET("Shared link reset"),
  SIGNUP_SWITCH_CHANGED("Sign-up switch changed");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action a wire name names, if any (case-insensitive). */
  public static Optional<AuditAction> fromWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName().equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public String toString() {
    return label;
  }
}
