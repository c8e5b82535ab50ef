package com.siali.label.server.view;

/**
 * {@code login.jte}.
 *
 * @param email what the visitor typed, shown again after a refusal
 * @param next a local path to go to after logging in (already checked), or empty
 * @param error why the last attempt was refused, or empty
 * @param signupOpen whether anyone may sign up without the invitation link (only then does the page
 *     offer "create an account")
 */
public record LoginPageModel(String email, String next, String error, boolean signupOpen)
    implements PageModel {
  @Override
  public String template() {
    return "login.jte";
  }
}
