package com.siali.label.server.handler;

import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.DisplayDates;
import com.siali.label.model.PersonalInvitation;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.SafeRedirect;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.throttle.AttemptThrottle;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.SignupPageModel;
import com.siali.label.server.view.SignupRefusedPageModel;
import com.siali.label.service.PeopleDirectory;
import com.siali.label.service.PersonalInvitations;
import com.siali.label.service.PersonalInvitations.Verdict;
import com.siali.label.service.SessionService;
import java.util.Optional;

/**
 * {@code /user/signup/?invite=T}: a personal invitation's sign-up (issue #17). Its email is the
 * invitation's, shown read-only, and any other email posted is ignored; it works whether or not
 * sign-up without a link is open. A used, expired, revoked or unknown link gets a page saying which
 * (410, or 404 for a link we never made), never a bare refusal.
 */
public final class InvitedSignupPage {
  static final String PARAMETER = "invite";

  private final PersonalInvitations invitations;
  private final PeopleDirectory people;
  private final SessionService sessions;
  private final Pages pages;
  private final Cookies cookies;
  private final AttemptThrottle throttle;
  private final String serverName;

  public InvitedSignupPage(
      PersonalInvitations invitations,
      PeopleDirectory people,
      SessionService sessions,
      Pages pages,
      Cookies cookies,
      AttemptThrottle throttle,
      String serverName) {
    this.invitations = invitations;
    this.people = people;
    this.sessions = sessions;
    this.pages = pages;
    this.cookies = cookies;
    this.throttle = throttle;
    this.serverName = serverName;
  }

  /** Whether the request came with a personal invitation's link. */
  static boolean personal(WebRequest request) {
    return request.queryParam(PARAMETER).isPresent();
  }

  WebResponse show(WebRequest request) {
    var state = invitations.check(token(request));
    if (state.verdict() != Verdict.OPEN) {
      return closed(request, state.verdict(), state.invitation());
    }
    return form(request, 200, state.invitation().orElseThrow(), "", "");
  }

  WebResponse submit(WebRequest request) {
    String address = request.clientAddress();
    var state = invitations.check(token(request));
    if (state.verdict() != Verdict.OPEN) {
      return closed(request, state.verdict(), state.invitation());
    }
    PersonalInvitation invitation = state.invitation().orElseThrow();
    try {
      // The posted email is not read: the invitation names the one address it signs up.
      var redemption = invitations.redeem(token(request), request.formField("password"));
      if (redemption.account().isEmpty()) {
        return closed(request, redemption.verdict(), state.invitation());
      }
      User user = redemption.account().get();
      throttle.recordSuccess(address);
      request.sessionId().ifPresent(sessions::end);
      var session = sessions.start(user.id(), false);
      return WebResponse.redirect(SafeRedirect.localPathOr(request.queryParam("next"), "/"))
          .cookie(cookies.session(session.id(), false));
    } catch (ValidationException invalid) {
      throttle.recordFailure(address);
      return form(request, 400, invitation, "", invalid.getMessage());
    } catch (AlreadyExistsException taken) {
      return pages.render(
          request,
          409,
          new SignupRefusedPageModel(
              "Account exists",
              "You already have an account",
              invitation.email() + " already has an account on this server. Log in with it.",
              ""));
    }
  }

  private WebResponse form(
      WebRequest request,
      int status,
      PersonalInvitation invitation,
      String emailError,
      String passwordError) {
    return pages.render(
        request,
        status,
        new SignupPageModel(
            invitation.email().value(),
            SignupPage.action(request, PARAMETER, "next"),
            emailError,
            passwordError,
            true,
            people.owner().map(SignupPage::nameAndEmail).orElse(""),
            serverName,
            request.header("Host").orElse(""),
            true));
  }

  /** The page for a link that no longer signs anyone up, saying which of the reasons it is. */
  private WebResponse closed(
      WebRequest request, Verdict verdict, Optional<PersonalInvitation> invitation) {
    if (verdict == Verdict.UNKNOWN) {
      throttle.recordWrongToken(request.clientAddress());
    }
    String heading;
    String message;
    switch (verdict) {
      case USED -> {
        heading = "This invitation was already used";
        message =
            "An account was already created with this invitation link, which works only once. If"
                + " it is yours, log in; otherwise ask your team lead for a new invitation.";
      }
      case EXPIRED -> {
        heading = "This invitation has expired";
        message =
            "This invitation link stopped working on "
                + invitation.map(i -> DisplayDates.day(i.expiresAt())).orElse("its expiry date")
                + ". Ask your team lead for a new one.";
      }
      case REVOKED -> {
        heading = "This invitation was withdrawn";
        message =
            "Your team lead withdrew this invitation link, so it no longer works. Ask them for a"
                + " new one if you still need an account.";
      }
      default -> {
        heading = "This invitation link is not valid";
        message =
            "This server made no invitation with this link. Check that you opened the whole link,"
                + " or ask your team lead for a new one.";
      }
    }
    int status = verdict == Verdict.UNKNOWN ? 404 : 410;
    return pages.render(request, status, new SignupRefusedPageModel(heading, heading, message, ""));
  }

  private static String token(WebRequest request) {
    return request.queryParam(PARAMETER).orElse("");
  }
}
