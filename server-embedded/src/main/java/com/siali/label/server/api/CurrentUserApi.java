package com.siali.label.server.api;

import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.ApiTokenService;
import java.util.Map;

/** {@code /api/current-user/...}: who am I, my token, a new token. */
public final class CurrentUserApi {
  private final ApiTokenService tokens;

  public CurrentUserApi(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  public WebResponse whoami(WebRequest request) {
    return UserJson.response(200, request.requireUser());
  }

  public WebResponse token(WebRequest request) {
    return WebResponse.json(
        200, Json.write(Map.of("token", tokens.tokenOf(request.requireUser().id()))));
  }

  /** The old token stops working when this returns. */
  public WebResponse resetToken(WebRequest request) {
    return WebResponse.json(
        201, Json.write(Map.of("token", tokens.rotate(request.requireUser().id()))));
  }
}
