package com.siali.label.server.handler;

import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.SessionService;

/**
 * {@code POST /user/logout/}: ends the session (the router checked the CSRF token) and forgets the
 * cookie.
 */
public final class LogoutAction {
  private final SessionService sessions;
  private final Cookies cookies;

  public LogoutAction(SessionService sessions, Cookies cookies) {
    this.sessions = sessions;
    this.cookies = cookies;
  }

  public WebResponse logout(WebRequest request) {
    request.sessionId().ifPresent(sessions::end);
    return WebResponse.redirect("/user/login/").cookie(cookies.clearSession());
  }
}
