package com.siali.label.server.api;

import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.InvitationService;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/invite}: the invitation link, and Reset Link (the old token is refused at once). */
public final class InviteApi {
  private final InvitationService invitations;

  public InviteApi(InvitationService invitations) {
    this.invitations = invitations;
  }

  public WebResponse current(WebRequest request) {
    return WebResponse.json(200, body(invitations.currentToken()));
  }

  public WebResponse reset(WebRequest request) {
    String token = invitations.resetLink(request.requireUser().id());
    return WebResponse.json(201, body(token));
  }

  private static String body(String token) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("invite_url", InvitationService.signupPath(token));
    body.put("token", token);
    return Json.write(body);
  }
}
