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
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.SignupPageModel;
import com.siali.label.server.view.SignupRefusedPageModel;
import com.siali.label.service.AccountService;
import com.siali.label.service.PeopleDirectory;
import com.siali.label.service.SessionService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /user/signup/}: open or by invitation (SPEC §3, §5); success signs the new person in. An
 * invitation's page says who invited them to which server, so it does not look like open sign-up. A
 * personal invitation's link ({@code ?invite=}) is {@link InvitedSignupPage}'s.
 */
public final class SignupPage {
  private final AccountService accounts;
  private final PeopleDirectory people;
  private final SessionService sessions;
  private final SignupGate gate;
  private final Pages pages;
  private final Cookies cookies;
  private final AttemptThrottle throttle;
  private final String serverName;
  private final InvitedSignupPage invited;

  public SignupPage(
      AccountService accounts,
      PeopleDirectory people,
      SessionService sessions,
      SignupGate gate,
      Pages pages,
      Cookies cookies,
      AttemptThrottle throttle,
      String serverName,
      InvitedSignupPage invited) {
    this.accounts = accounts;
    this.people = people;
    this.sessions = sessions;
    this.gate = gate;
    this.pages = pages;
    this.cookies = cookies;
    this.throttle = throttle;
    this.serverName = serverName;
    this.invited = invited;
  }

  public WebResponse show(WebRequest request) {
    Optional<WebResponse> busy = throttled(request);
    if (busy.isPresent()) {
      return busy.get();
    }
    if (InvitedSignupPage.personal(request)) {
      return invited.show(request);
    }
    return gateRefusal(request).orElseGet(() -> form(request, 200, "", "", ""));
  }

  public WebResponse submit(WebRequest request) {
    Optional<WebResponse> busy = throttled(request);
    if (busy.isPresent()) {
      return busy.get();
    }
    if (InvitedSignupPage.personal(request)) {
      return invited.submit(request);
    }
    Optional<WebResponse> refused = gateRefusal(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    String address = request.clientAddress();
    String email = request.formField("email");
    try {
      User user =
          accounts.create(
              new NewAccount(
                  EmailAddress.parse(email), request.formField("password"), Optional.empty()),
              gate.invitationOf(request.queryParam("token")));
      throttle.recordSuccess(address);
      request.sessionId().ifPresent(sessions::discard); // replaced by the new one: no log-out
      var session = sessions.start(user.id(), false);
      return WebResponse.redirect(SafeRedirect.localPathOr(request.queryParam("next"), "/"))
          .cookie(cookies.session(session.id(), false));
    } catch (ValidationException invalid) {
      throttle.recordFailure(address);
      return invalid.field().equals("password")
          ? form(request, 400, email, "", invalid.getMessage())
          : form(request, 400, email, invalid.getMessage(), "");
    } catch (AlreadyExistsException taken) {
      throttle.recordFailure(address);
      return form(request, 400, email, taken.getMessage(), "");
    }
  }

  /** Too many failures or sign-ups from this address: 429 with the true reason and the wait. */
  private Optional<WebResponse> throttled(WebRequest request) {
    Optional<AttemptThrottle.Wait> wait = throttle.waitFor(request.clientAddress());
    if (wait.isPresent()) {
      long seconds = RetryAfter.seconds(wait.get().duration());
      String why =
          switch (wait.get().reason()) {
            case TOO_MANY_FAILURES ->
                "There were too many failed sign-up attempts from your network.";
            case TOO_MANY_SIGNUPS ->
                "Very many accounts were just created from your network, faster than people sign"
                    + " up by hand.";
          };
      return Optional.of(
          pages
              .render(
                  request,
                  429,
                  new SignupRefusedPageModel(
                      "Too many attempts",
                      "Please wait a moment",
                      why + " Try again in " + waitText(seconds) + ".",
                      ""))
              .header("Retry-After", Long.toString(seconds)));
    }
    return Optional.empty();
  }

  /** No valid way in (SignupGate, 403); a wrong token also counts against the address. */
  private Optional<WebResponse> gateRefusal(WebRequest request) {
    Optional<SignupGate.Refusal> reason = gate.refusal(request.queryParam("token"));
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    if (request.queryParam("token").isPresent()) {
      throttle.recordWrongToken(request.clientAddress());
    }
    SignupGate.Refusal r = reason.get();
    return Optional.of(
        pages.render(
            request,
            403,
            new SignupRefusedPageModel(
                r.heading(),
                r.heading(),
                r.message(),
                r.openSignup() ? action(request, "next") : "")));
  }

  static String waitText(long seconds) {
    if (seconds < 90) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + " minutes";
  }

  private WebResponse form(
      WebRequest request, int status, String email, String emailError, String passwordError) {
    Optional<String> invitedBy =
        request.queryParam("token").flatMap(t -> people.owner()).map(SignupPage::nameAndEmail);
    return pages.render(
        request,
        status,
        new SignupPageModel(
            email,
            action(request, "token", "next"),
            emailError,
            passwordError,
            request.queryParam("token").isPresent(),
            invitedBy.orElse(""),
            serverName,
            request.header("Host").orElse(""),
            false));
  }

  static String nameAndEmail(User owner) {
    String name = (owner.firstName() + " " + owner.lastName()).strip();
    return name.isEmpty() ? owner.email().value() : name + " (" + owner.email().value() + ")";
  }

  /** The sign-up path with those of the query parameters {@code names} that the request has. */
  static String action(WebRequest request, String... names) {
    StringBuilder action = new StringBuilder("/user/signup/");
    String separator = "?";
    for (String name : names) {
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
    return action.toString();
  }
}
