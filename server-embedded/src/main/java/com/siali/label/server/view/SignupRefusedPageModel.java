package com.siali.label.server.view;

/**
 * {@code signup_refused.jte}: sign-up refused, with the true reason: no invitation, an old link, or
 * too many attempts (then with the wait).
 *
 * @param title the browser tab's title
 * @param heading what happened, in a few words
 * @param message the reason and what to do, in a sentence or two
 * @param openSignupPath the plain sign-up page when sign-up without a link is open (a way forward
 *     from an old link), else empty
 */
public record SignupRefusedPageModel(
    String title, String heading, String message, String openSignupPath) implements PageModel {
  @Override
  public String template() {
    return "signup_refused.jte";
  }
}
