package com.siali.label.server.view;

/**
 * {@code login.jte}.
 *
 * @param email what the visitor typed, shown again after a refusal
 * @param next a local path to go to after logging in (already checked), or empty
 * @param error why the last attempt was refused, or empty
 */
public record LoginPageModel(String email, String next, String error) implements PageModel {
  @Override
  public String template() {
    return "login.jte";
  }
}
