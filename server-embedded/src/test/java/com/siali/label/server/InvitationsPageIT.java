package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 item 3 on the web: the owner's "Invite by email" page makes one link per pasted address
 * (shown once, never cached), names each refused address, and lists every invitation with Revoke
 * and Revoke all.
 */
class InvitationsPageIT extends TwoAccountServer {
  private static final Pattern LINK =
      Pattern.compile("value=\"(http://[^\"]*/user/signup/\\?invite=[^\"]+)\"");

  private Browser leadLoggedIn() throws Exception {
    Browser browser = new Browser(app.base());
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    return browser;
  }

  @Test
  void pastedAddressesEachGetALinkAndTheRefusedOnesStayWithTheirReason() throws Exception {
    Browser lead = leadLoggedIn();
    assertThat(lead.get("/people/").body()).contains("Invite by email", "/people/invitations/");
    var page = lead.get("/people/invitations/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("No invitations yet.", "name=\"emails\"", "value=\"7\"");

    String csrf = lead.csrfFrom("/people/invitations/");
    var made =
        lead.post(
            "/people/invitations/",
            Map.of(
                "emails",
                "ada@example.com, grace@example.com\nnot-an-address\ncollab@example.com",
                "expires_in_days",
                "14",
                "csrf_token",
                csrf));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.headers().firstValue("Cache-Control")).contains("no-store");
    Matcher links = LINK.matcher(made.body());
    int count = 0;
    while (links.find()) {
      count++;
    }
    assertThat(count).isEqualTo(2);
    assertThat(made.body())
        .contains("<svg class=\"qr\"", "data-copy=\"invite-link-0\"")
        .contains("not-an-address", "Enter a valid email address.")
        .contains("collab@example.com already has an account.")
        .contains(">pending<");
    // The refused addresses are kept in the box to correct.
    assertThat(made.body()).contains(">not-an-address\ncollab@example.com</textarea>");

    // A link is never shown again.
    assertThat(lead.get("/people/invitations/").body()).doesNotContain("invite=");
  }

  @Test
  void revokeAndRevokeAllFromThePage() throws Exception {
    Browser lead = leadLoggedIn();
    PersonalInvitationsIT.invite(app, this.lead, "ada@example.com", 7);
    PersonalInvitationsIT.invite(app, this.lead, "grace@example.com", 7);
    long ada =
        app.services.personalInvitations().list(this.lead.id()).stream()
            .filter(i -> i.email().value().equals("ada@example.com"))
            .findFirst()
            .orElseThrow()
            .id();
    String csrf = lead.csrfFrom("/people/invitations/");
    var revoked = lead.post("/people/invitations/" + ada + "/revoke", Map.of("csrf_token", csrf));
    assertThat(revoked.statusCode()).isEqualTo(302);
    var after = lead.get(revoked.headers().firstValue("Location").orElseThrow());
    assertThat(after.body()).contains("The invitation was revoked", ">revoked<", ">pending<");

    var all = lead.post("/people/invitations/revoke-all", Map.of("csrf_token", csrf));
    assertThat(all.statusCode()).isEqualTo(302);
    var done = lead.get(all.headers().firstValue("Location").orElseThrow());
    assertThat(done.body())
        .contains("Every pending invitation was revoked")
        .doesNotContain(">pending<");
    assertThat(done.body()).doesNotContain("Revoke all</button>");
  }

  @Test
  void anExpiryOverThirtyDaysReRendersTheFormWithTheAddresses() throws Exception {
    Browser lead = leadLoggedIn();
    String csrf = lead.csrfFrom("/people/invitations/");
    var page =
        lead.post(
            "/people/invitations/",
            Map.of("emails", "ada@example.com", "expires_in_days", "31", "csrf_token", csrf));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("1 to 30", ">ada@example.com</textarea>");
    assertThat(app.services.personalInvitations().list(this.lead.id())).isEmpty();
  }
}
