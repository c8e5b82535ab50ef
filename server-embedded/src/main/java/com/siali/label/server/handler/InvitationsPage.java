package com.siali.label.server.handler;

import com.siali.label.model.ConflictException;
import com.siali.label.model.EmailList;
import com.siali.label.model.ValidationException;
import com.siali.label.server.InvitationLinks;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.InvitationsPageModel;
import com.siali.label.server.view.InvitationsPageModel.IssuedLink;
import com.siali.label.server.view.InvitationsPageModel.Row;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.QrCodes;
import com.siali.label.service.PersonalInvitations;
import java.util.List;

/**
 * {@code /people/invitations/}: "Invite by email" on the web (issue #17), the owner only (the
 * service refuses others: 403). Links are shown once, in the answer of the POST that made them,
 * never cached; the list below names every invitation with its status, with Revoke and Revoke all.
 */
public final class InvitationsPage {
  static final String PATH = "/people/invitations/";

  private final PersonalInvitations invitations;
  private final Pages pages;
  private final InvitationLinks links;

  public InvitationsPage(PersonalInvitations invitations, Pages pages, InvitationLinks links) {
    this.invitations = invitations;
    this.pages = pages;
    this.links = links;
  }

  public WebResponse show(WebRequest request) {
    String notice =
        switch (request.queryParam("done").orElse("")) {
          case "revoked" -> "The invitation was revoked; its link no longer works.";
          case "revoked-all" -> "Every pending invitation was revoked.";
          default -> "";
        };
    return render(
        request, 200, "", PersonalInvitations.DEFAULT_DAYS, List.of(), List.of(), notice, "");
  }

  public WebResponse create(WebRequest request) {
    String typed = request.formField("emails");
    int days = days(request.formField("expires_in_days"));
    try {
      var batch = invitations.invite(request.requireUser().id(), EmailList.split(typed), days);
      List<IssuedLink> issuedLinks =
          batch.issued().stream()
              .map(
                  issued -> {
                    String link = links.personalInvitationLink(request, issued.token());
                    return new IssuedLink(
                        issued.invitation().email().value(),
                        link,
                        QrCodes.svg(link, 160, "QR code of the invitation link"),
                        issued.invitation().expiresAt());
                  })
              .toList();
      // Refused addresses stay in the box, to be corrected and sent again.
      String keep =
          String.join(
              "\n", batch.refused().stream().map(PersonalInvitations.Refused::email).toList());
      return render(
              request,
              issuedLinks.isEmpty() ? 400 : 200,
              keep,
              days,
              issuedLinks,
              batch.refused(),
              "",
              "")
          .header("Cache-Control", "no-store");
    } catch (ValidationException invalid) {
      return render(request, 400, typed, days, List.of(), List.of(), "", invalid.getMessage());
    }
  }

  public WebResponse revoke(WebRequest request) {
    try {
      invitations.revoke(request.requireUser().id(), request.pathId("id"));
    } catch (ConflictException used) {
      return render(
          request,
          409,
          "",
          PersonalInvitations.DEFAULT_DAYS,
          List.of(),
          List.of(),
          "",
          used.getMessage());
    }
    return WebResponse.redirect(PATH + "?done=revoked");
  }

  public WebResponse revokeAll(WebRequest request) {
    invitations.revokeAll(request.requireUser().id());
    return WebResponse.redirect(PATH + "?done=revoked-all");
  }

  private WebResponse render(
      WebRequest request,
      int status,
      String emails,
      int days,
      List<IssuedLink> issued,
      List<PersonalInvitations.Refused> refused,
      String notice,
      String error) {
    List<Row> rows =
        invitations.list(request.requireUser().id()).stream()
            .map(i -> new Row(i, invitations.statusOf(i)))
            .toList();
    return pages.render(
        request,
        status,
        new InvitationsPageModel(emails, days, issued, refused, rows, notice, error));
  }

  /** The expiry field: a number, else the default (the service refuses one out of range). */
  private static int days(String field) {
    try {
      return field.isBlank() ? PersonalInvitations.DEFAULT_DAYS : Integer.parseInt(field.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
