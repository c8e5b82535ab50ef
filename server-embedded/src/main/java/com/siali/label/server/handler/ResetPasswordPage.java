package com.siali.label.server.handler;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.ResetPasswordPageModel;
import com.siali.label.service.PasswordResetLinks;
import java.util.Optional;

/**
 * {@code /user/reset-password/<token>/}: the page a one-time link opens, where the person sets a
 * new password (the sign-up rules) and is then sent to log in. An expired or used link says so and
 * who can help, with a 404.
 */
public final class ResetPasswordPage {
  private final PasswordResetLinks links;
  private final Pages pages;

  public ResetPasswordPage(PasswordResetLinks links, Pages pages) {
    this.links = links;
    this.pages = pages;
  }

  public WebResponse show(WebRequest request) {
    String token = token(request);
    Optional<User> person = links.personFor(token);
    return person.map(p -> form(request, 200, p, token, "")).orElseGet(() -> notValid(request));
  }

  public WebResponse submit(WebRequest request) {
    String token = token(request);
    try {
      User person = links.use(token, request.formField("password"));
      return pages.render(
          request,
          200,
          new ResetPasswordPageModel(false, true, person.nameOrUsername(), "", "", ""));
    } catch (ValidationException invalid) {
      return links
          .personFor(token)
          .map(p -> form(request, 400, p, token, invalid.getMessage()))
          .orElseGet(() -> notValid(request));
    } catch (NotFoundException used) {
      return notValid(request);
    }
  }

  private WebResponse form(
      WebRequest request, int status, User person, String token, String error) {
    return pages.render(
        request,
        status,
        new ResetPasswordPageModel(
            true, false, person.nameOrUsername(), person.email().value(), token, error));
  }

  private WebResponse notValid(WebRequest request) {
    return pages.render(request, 404, new ResetPasswordPageModel(false, false, "", "", "", ""));
  }

  private static String token(WebRequest request) {
    return request.pathParams().getOrDefault("token", "");
  }
}
