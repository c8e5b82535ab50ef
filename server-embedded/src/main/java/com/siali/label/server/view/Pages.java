package com.siali.label.server.view;

import com.siali.label.security.Tokens;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.Router;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the precompiled JTE templates (ADR 0006: context-aware escaping, compiled at build time).
 * A visitor who is not signed in gets a CSRF cookie with the first form, so that log-in and sign-up
 * are protected too.
 */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Cookies cookies;

  public Pages(Cookies cookies) {
    this.cookies = cookies;
  }

  public WebResponse render(
      WebRequest request, int status, String template, Map<String, Object> model) {
    String csrf = Router.expectedCsrf(request);
    boolean newCsrf = csrf.isEmpty();
    if (newCsrf) {
      csrf = Tokens.randomUrlSafe(32);
    }
    Map<String, Object> params = new HashMap<>(model);
    params.put("page", new PageContext(request.session().map(s -> s.user()), csrf));
    StringOutput output = new StringOutput();
    engine.render(template, params, output);
    WebResponse response = WebResponse.html(status, output.toString());
    return newCsrf ? response.cookie(cookies.csrf(csrf)) : response;
  }

  /**
   * The error page for {@link com.siali.label.server.http.ErrorMapper} (without the signed-in
   * header).
   */
  public WebResponse error(int status, String message) {
    StringOutput output = new StringOutput();
    engine.render(
        "error.jte",
        Map.of(
            "page",
            new PageContext(java.util.Optional.empty(), ""),
            "status",
            status,
            "message",
            message),
        output);
    return WebResponse.html(status, output.toString());
  }
}
