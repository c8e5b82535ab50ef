package com.siali.label.server.view;

/**
 * {@code invitation_only.jte}: sign-up refused (no valid invitation, or too many attempts).
 *
 * @param message the reason, in a sentence
 */
public record InvitationOnlyPageModel(String message) implements PageModel {
  @Override
  public String template() {
    return "invitation_only.jte";
  }
}
