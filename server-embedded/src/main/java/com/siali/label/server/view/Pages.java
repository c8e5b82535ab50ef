package com.siali.label.server.view;

import com.siali.label.server.http.AnonymousCsrf;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.Router;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the precompiled JTE templates (ADR 0006: context-aware escaping, compiled at build time).
 * Every template takes the same two parameters, {@code page} (a {@link PageContext}) and {@code
 * model} (its own {@link PageModel} record); their names are written here only. A visitor who is
 * not signed in gets a signed CSRF cookie with the first form ({@link AnonymousCsrf}), so that
 * log-in and sign-up are protected too.
 */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Cookies cookies;
  private final AnonymousCsrf anonymousCsrf;

  public Pages(Cookies cookies, AnonymousCsrf anonymousCsrf) {
    this.cookies = cookies;
    this.anonymousCsrf = anonymousCsrf;
  }

  public WebResponse render(WebRequest request, int status, PageModel model) {
    String csrf = Router.expectedCsrf(request);
    boolean newCsrf = csrf.isEmpty();
    if (newCsrf) {
      csrf = anonymousCsrf.mint();
    }
    PageContext page = new PageContext(request.session().map(s -> s.user()), csrf);
    WebResponse response = WebResponse.html(status, html(page, model));
    return newCsrf ? response.cookie(cookies.csrf(csrf)) : response;
  }

  /**
   * The error page for {@link com.siali.label.server.http.ErrorMapper}, without the signed-in
   * header: the failure may have happened before the caller was known.
   */
  public WebResponse error(int status, String message) {
    PageContext anonymous = new PageContext(Optional.empty(), "");
    return WebResponse.html(status, html(anonymous, new ErrorPageModel(status, message)));
  }

  private String html(PageContext page, PageModel model) {
    StringOutput output = new StringOutput();
    engine.render(model.template(), Map.of("page", page, "model", model), output);
    return output.toString();
  }
}
