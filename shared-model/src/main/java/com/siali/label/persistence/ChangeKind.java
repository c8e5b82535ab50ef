package com.siali.label.persistence;

/**
 * What a committed change was, as the change feed carries it: a kind and the id it is about (an
 * account's id, or 0 for the instance-wide kinds). Never a secret.
 */
public enum ChangeKind {
  ACCOUNT_CREATED(true),
  PROFILE_CHANGED(true),
  PICTURE_CHANGED(false),
  ACTIVITY_RECORDED(false),
  DEACTIVATED(false),
  ACTIVATED(false),
  DELETED(true),
  PASSWORD_CHANGED(false),
  TOKEN_ROTATED(false),
  SESSIONS_ENDED(false),
  INVITATION_LINK_RESET(false),
  SETTING_CHANGED(false),
  PROJECT_RECORDED(false),
  ANNOTATION_RECORDED(false),
  /** An audit event was recorded (subject: the event's id); the History screen follows it. */
  AUDIT_RECORDED(false),
  /** A personal invitation was made, used or revoked (issue #17); subject 0. */
  PERSONAL_INVITATIONS_CHANGED(false);

  private final boolean changesSearchTerms;

  ChangeKind(boolean changesSearchTerms) {
    this.changesSearchTerms = changesSearchTerms;
  }

  /** Whether the People search terms or the order by name changed with it. */
  public boolean changesSearchTerms() {
    return changesSearchTerms;
  }

  /**
   * Whether its subject is an account (for a project or annotation: the person who made it); else
   * it is about the whole instance, with subject id 0, or it is an audit event, with its id.
   */
  public boolean aboutAnAccount() {
    return this != INVITATION_LINK_RESET
        && this != SETTING_CHANGED
        && this != AUDIT_RECORDED
        && this != PERSONAL_INVITATIONS_CHANGED;
  }
}
