package com.siali.label.server.view;

/**
 * {@code signup.jte}.
 *
 * @param email what the visitor typed, shown again after a refusal
 * @param action where the form posts: the sign-up path with the invitation token and {@code next}
 * @param emailError why the email was refused, or empty
 * @param passwordError why the password was refused, or empty
 */
public record SignupPageModel(String email, String action, String emailError, String passwordError)
    implements PageModel {
  @Override
  public String template() {
    return "signup.jte";
  }
}
