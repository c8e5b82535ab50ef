package com.siali.label.server.view;

/**
 * {@code signup.jte}.
 *
 * @param email what the visitor typed, shown again after a refusal
 * @param action where the form posts: the sign-up path with the invitation token and {@code next}
 * @param emailError why the email was refused, or empty
 * @param passwordError why the password was refused, or empty
 * @param invited whether the visitor came with a valid invitation link
 * @param invitedBy who invited them: the owner's name and email, or empty
 * @param serverName this computer's name, to say which Siali Label this is
 * @param address the address the visitor used (the {@code Host} header), or empty
 * @param emailLocked whether the email is the personal invitation's own (shown read-only; the
 *     server ignores any other email posted)
 */
public record SignupPageModel(
    String email,
    String action,
    String emailError,
    String passwordError,
    boolean invited,
    String invitedBy,
    String serverName,
    String address,
    boolean emailLocked)
    implements PageModel {
  @Override
  public String template() {
    return "signup.jte";
  }
}
