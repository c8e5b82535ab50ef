package com.siali.label.server.handler;

import com.siali.label.model.User;
import com.siali.label.server.InvitationLinks;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.DeletePersonPageModel;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.QrCodes;
import com.siali.label.server.view.ResetLinkPageModel;
import com.siali.label.service.PasswordResetLinks;
import com.siali.label.service.Services;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The owner's actions on a person, from their page (issue #15): deactivate / activate, sign out
 * everywhere, delete after a confirmation page, and a one-time password-reset link. The services
 * refuse everyone but the owner (403); the router checks the CSRF token of every form.
 */
public final class PersonAdminPages {
  private final Services services;
  private final Pages pages;
  private final InvitationLinks links;

  public PersonAdminPages(Services services, Pages pages, InvitationLinks links) {
    this.services = services;
    this.pages = pages;
    this.links = links;
  }

  public WebResponse deactivate(WebRequest request) {
    return setActive(request, false);
  }

  public WebResponse activate(WebRequest request) {
    return setActive(request, true);
  }

  private WebResponse setActive(WebRequest request, boolean active) {
    long id = request.pathId("id");
    services.administration().setActive(request.requireUser().id(), id, active);
    return done(id, active ? "activated" : "deactivated");
  }

  public WebResponse signOutEverywhere(WebRequest request) {
    long id = request.pathId("id");
    services.administration().signOutEverywhere(request.requireUser().id(), id);
    return done(id, "signed-out");
  }

  /** The page that asks before deleting, naming the person. */
  public WebResponse confirmDelete(WebRequest request) {
    User person =
        services.administration().administrable(request.requireUser().id(), request.pathId("id"));
    return pages.render(request, 200, new DeletePersonPageModel(person));
  }

  public WebResponse delete(WebRequest request) {
    long id = request.pathId("id");
    User person = services.people().get(id);
    services.administration().delete(request.requireUser().id(), id);
    return WebResponse.redirect(
        "/people/?deleted=" + URLEncoder.encode(person.nameOrUsername(), StandardCharsets.UTF_8));
  }

  /**
   * Makes a new link and shows it this once (only its digest is kept): never cached, and a POST, so
   * that a reload asks before making another one.
   */
  public WebResponse resetLink(WebRequest request) {
    var issued = services.passwordResets().issue(request.requireUser().id(), request.pathId("id"));
    String link = links.passwordResetLink(request, issued.token());
    String qr = QrCodes.svg(link, 220, "QR code of the password-reset link");
    return pages
        .render(
            request,
            200,
            new ResetLinkPageModel(
                issued.person(), link, qr, issued.expiresAt(), PasswordResetLinks.VALID_FOR))
        .header("Cache-Control", "no-store");
  }

  private static WebResponse done(long id, String what) {
    return WebResponse.redirect("/people/" + id + "/?done=" + what);
  }
}
