package com.siali.label.server.view;

/**
 * {@code reset_password.jte}: set a new password with a one-time link.
 *
 * @param valid false when the link expired or was used (the page then says so, and nothing else)
 * @param done true once the password was set (the page then says so and offers to log in)
 * @param token the link's secret, posted back by the form's action
 */
public record ResetPasswordPageModel(
    boolean valid, boolean done, String name, String email, String token, String passwordError)
    implements PageModel {
  @Override
  public String template() {
    return "reset_password.jte";
  }
}
