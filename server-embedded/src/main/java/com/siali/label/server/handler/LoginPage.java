package com.siali.label.server.handler;

import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.server.SignupGate;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.SafeRedirect;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.throttle.LoginThrottle;
import com.siali.label.server.throttle.RetryAfter;
import com.siali.label.server.view.LoginPageModel;
import com.siali.label.server.view.Pages;
import com.siali.label.service.SessionService;
import java.time.Duration;
import java.util.Optional;

/** {@code /user/login/}: the form, and signing in (a new session id at every log-in). */
public final class LoginPage {
  private final SessionService sessions;
  private final Pages pages;
  private final Cookies cookies;
  private final LoginThrottle throttle;
  private final SignupGate gate;

  public LoginPage(
      SessionService sessions,
      Pages pages,
      Cookies cookies,
      LoginThrottle throttle,
      SignupGate gate) {
    this.sessions = sessions;
    this.pages = pages;
    this.cookies = cookies;
    this.throttle = throttle;
    this.gate = gate;
  }

  public WebResponse show(WebRequest request) {
    if (request.session().isPresent()) {
      return WebResponse.redirect(SafeRedirect.localPathOr(request.queryParam("next"), "/"));
    }
    return form(request, 200, "", "");
  }

  public WebResponse submit(WebRequest request) {
    String email = request.formField("email");
    String address = request.clientAddress();
    LoginThrottle.Check check = throttle.check(address, email);
    Optional<Duration> wait = check.delay();
    if (wait.isPresent()) {
      long seconds = RetryAfter.seconds(wait.get());
      return form(
              request,
              429,
              email,
              "Too many failed log-in attempts. Try again in " + seconds + " seconds.")
          .header("Retry-After", Long.toString(seconds));
    }
    try {
      boolean remember = "on".equals(request.formField("persist_session"));
      var loggedIn = sessions.logIn(email, request.formField("password"), remember);
      throttle.recordSuccess(address, email, check);
      request.sessionId().ifPresent(sessions::discard); // replaced by the new one: no log-out
      return WebResponse.redirect(SafeRedirect.localPathOr(request.queryParam("next"), "/"))
          .cookie(cookies.session(loggedIn.session().id(), remember));
    } catch (AuthenticationFailedException failed) {
      throttle.recordFailure(address, email);
      return form(request, 400, email, failed.getMessage());
    }
  }

  private WebResponse form(WebRequest request, int status, String email, String error) {
    String next = SafeRedirect.localPath(request.queryParam("next")).orElse("");
    return pages.render(request, status, new LoginPageModel(email, next, error, gate.openSignup()));
  }
}
