package com.siali.label.server;

import com.siali.label.server.http.AnonymousCsrf;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.ErrorMapper;
import com.siali.label.server.http.HostCheck;
import com.siali.label.server.http.Router;
import com.siali.label.server.http.UndertowBridge;
import com.siali.label.server.view.Pages;
import com.siali.label.service.Services;
import io.undertow.server.HttpHandler;

/** Wires the pages and the API over the services into one Undertow handler. */
public final class WebApp {
  private WebApp() {}

  public static HttpHandler create(Services services, WebSettings settings) {
    Cookies cookies = new Cookies(settings.secureCookies());
    // Shared by every node on the database (ADR 0018): a form from one node posts to another.
    var anonymousCsrf = new AnonymousCsrf(services.clusterSecrets().signer(AnonymousCsrf.PURPOSE));
    Pages pages = new Pages(cookies, anonymousCsrf);
    ErrorMapper errors = new ErrorMapper(pages::error);
    Router router = new Router(Routes.table(services, settings, pages, cookies), errors);
    return new UndertowBridge(
        router,
        errors,
        new HostCheck(settings.allowedHosts()),
        services.sessions(),
        services.apiTokens(),
        anonymousCsrf,
        settings.bodyDeadline(),
        settings.trustedProxies());
  }
}
