package com.siali.label.server.handler;

import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.server.SignupGate;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.SafeRedirect;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.throttle.AttemptThrottle;
import com.siali.label.server.throttle.RetryAfter;
import com.siali.label.server.view.InvitationOnlyPageModel;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.SignupPageModel;
import com.siali.label.service.AccountService;
import com.siali.label.service.SessionService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** {@code /user/signup/}: open or by invitation (SPEC §3, §5); success signs the new person in. */
public final class SignupPage {
  private final AccountService accounts;
  private final SessionService sessions;
  private final SignupGate gate;
  private final Pages pages;
  private final Cookies cookies;
  private final AttemptThrottle throttle;

  public SignupPage(
      AccountService accounts,
      SessionService sessions,
      SignupGate gate,
      Pages pages,
      Cookies cookies,
      AttemptThrottle throttle) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.gate = gate;
    this.pages = pages;
    this.cookies = cookies;
    this.throttle = throttle;
  }

  public WebResponse show(WebRequest request) {
    return refusal(request).orElseGet(() -> form(request, 200, "", "", ""));
  }

  public WebResponse submit(WebRequest request) {
    Optional<WebResponse> refused = refusal(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    throttle.recordAttempt(request.clientAddress());
    String email = request.formField("email");
    try {
      User user =
          accounts.create(
              new NewAccount(
                  EmailAddress.parse(email), request.formField("password"), Optional.empty()));
      request.sessionId().ifPresent(sessions::end);
      var session = sessions.start(user.id(), false);
      return WebResponse.redirect(SafeRedirect.localPathOr(request.queryParam("next"), "/"))
          .cookie(cookies.session(session.id(), false));
    } catch (ValidationException invalid) {
      return invalid.field().equals("password")
          ? form(request, 400, email, "", invalid.getMessage())
          : form(request, 400, email, invalid.getMessage(), "");
    } catch (AlreadyExistsException taken) {
      return form(request, 400, email, taken.getMessage(), "");
    }
  }

  /**
   * Too many attempts from this address, or no valid way in (SignupGate); a wrong token also counts
   * against it.
   */
  private Optional<WebResponse> refusal(WebRequest request) {
    Optional<Duration> wait = throttle.waitFor(request.clientAddress());
    if (wait.isPresent()) {
      long seconds = RetryAfter.seconds(wait.get());
      return Optional.of(
          pages
              .render(
                  request,
                  429,
                  new InvitationOnlyPageModel(
                      "Too many sign-up attempts from this computer. Try again in "
                          + seconds
                          + " seconds."))
              .header("Retry-After", Long.toString(seconds)));
    }
    Optional<String> reason = gate.refusal(request.queryParam("token"));
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    if (request.queryParam("token").isPresent()) {
      throttle.recordWrongToken(request.clientAddress());
    }
    return Optional.of(pages.render(request, 403, new InvitationOnlyPageModel(reason.get())));
  }

  private WebResponse form(
      WebRequest request, int status, String email, String emailError, String passwordError) {
    StringBuilder action = new StringBuilder("/user/signup/");
    String separator = "?";
    for (String name : new String[] {"token", "next"}) {
      Optional<String> value = request.queryParam(name);
      if (value.isPresent()) {
        action
            .append(separator)
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value.get(), StandardCharsets.UTF_8));
        separator = "&";
      }
    }
    return pages.render(
        request, status, new SignupPageModel(email, action.toString(), emailError, passwordError));
  }
}
