package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import com.siali.label.persistence.jooq.Tables;
import com.siali.label.security.Tokens;
import com.siali.label.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 items 1-2 over HTTP: a personal link signs up only its own email, once, until it
 * expires (by the services' clock) or is revoked, also when sign-up needs a link; a link that no
 * longer works gets a page saying why.
 */
class PersonalInvitationsIT {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "a perfectly fine passphrase";

  @TempDir Path tmp;
  TestServer app;
  MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  User lead;

  @AfterEach
  void stop() {
    app.close();
  }

  private void open(Optional<Boolean> requiresLink) {
    app = new TestServer(tmp.resolve("data"), requiresLink, clock);
    lead = app.account("lead@example.com");
  }

  /** Invites {@code email} through the API as the lead; the link's path and query. */
  static String invite(TestServer app, User lead, String email, int days) throws Exception {
    var response =
        new Browser(app.base())
            .send(
                "POST",
                "/api/invitations",
                "{\"emails\": [\"" + email + "\"], \"expires_in_days\": " + days + "}",
                "Authorization",
                "Token " + app.tokenOf(lead));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String url =
        JSON.readTree(response.body()).get("invitations").get(0).get("invite_url").asString();
    URI link = URI.create(url);
    return link.getRawPath() + "?" + link.getRawQuery();
  }

  static HttpResponse<String> signUp(Browser browser, String link, String email, String password)
      throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    return browser.post(link, Map.of("email", email, "password", password, "csrf_token", csrf));
  }

  @Test
  void aPersonalLinkSignsUpItsOwnEmailOnceEvenWhenSignupNeedsALink() throws Exception {
    open(Optional.of(true));
    String link = invite(app, lead, "Ada@Example.com", 7);

    Browser ada = new Browser(app.base());
    var form = ada.get(link);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains(
            "value=\"ada@example.com\"", "readonly", "This invitation is for this address only.")
        .contains("invited you");

    // Another email posted with the link is ignored: the account is the invitation's.
    var created = signUp(ada, link, "mallory@example.com", PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    assertThat(ada.get("/").body()).contains("ada@example.com");
    assertThat(app.services.people().findByEmail("ada@example.com")).isPresent();
    assertThat(app.services.people().findByEmail("mallory@example.com")).isEmpty();

    Browser again = new Browser(app.base());
    var used = again.get(link);
    assertThat(used.statusCode()).isEqualTo(410);
    assertThat(used.body()).contains("This invitation was already used");
    var reused = signUp(again, link, "ada2@example.com", PASSWORD);
    assertThat(reused.statusCode()).isEqualTo(410);
    assertThat(reused.body()).contains("already used");
    assertThat(app.services.people().count()).isEqualTo(2);

    // The shared sign-up stays closed in this mode.
    assertThat(new Browser(app.base()).get("/user/signup/").statusCode()).isEqualTo(403);
  }

  @Test
  void aWrongPasswordReRendersTheFormAndTheLinkStillWorks() throws Exception {
    open(Optional.empty());
    String link = invite(app, lead, "grace@example.com", 7);
    Browser grace = new Browser(app.base());

    var weak = signUp(grace, link, "grace@example.com", "short");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body())
        .contains("Please enter a password 8–128 characters in length.")
        .contains("value=\"grace@example.com\"", "readonly");

    assertThat(signUp(grace, link, "grace@example.com", PASSWORD).statusCode()).isEqualTo(302);
  }

  @Test
  void aLinkStopsAtItsExpiryByTheServersClock() throws Exception {
    open(Optional.empty());
    String link = invite(app, lead, "ada@example.com", 1);

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(new Browser(app.base()).get(link).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(1));
    Browser late = new Browser(app.base());
    var expired = late.get(link);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This invitation has expired", "Dec 3, 2026");
    assertThat(signUp(late, link, "ada@example.com", PASSWORD).statusCode()).isEqualTo(410);
    assertThat(app.services.people().findByEmail("ada@example.com")).isEmpty();
    assertThat(status(lead, "ada@example.com")).isEqualTo("expired");
  }

  @Test
  void aRevokedLinkSaysItWasWithdrawnAndRevokeAllEndsEveryPendingOne() throws Exception {
    open(Optional.of(true));
    String adaLink = invite(app, lead, "ada@example.com", 7);
    String graceLink = invite(app, lead, "grace@example.com", 7);
    String alanLink = invite(app, lead, "alan@example.com", 7);
    long adaId = idOf(lead, "ada@example.com");

    var revoked =
        new Browser(app.base())
            .send(
                "DELETE",
                "/api/invitations/" + adaId,
                null,
                "Authorization",
                "Token " + app.tokenOf(lead));
    assertThat(revoked.statusCode()).isEqualTo(204);
    Browser ada = new Browser(app.base());
    var page = ada.get(adaLink);
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("This invitation was withdrawn").doesNotContain("403");
    assertThat(signUp(ada, adaLink, "ada@example.com", PASSWORD).statusCode()).isEqualTo(410);

    var all =
        new Browser(app.base())
            .send(
                "POST",
                "/api/invitations/revoke-all",
                null,
                "Authorization",
                "Token " + app.tokenOf(lead));
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(all.body()).get("revoked").asInt()).isEqualTo(2);
    for (String link : List.of(graceLink, alanLink)) {
      assertThat(new Browser(app.base()).get(link).body()).contains("withdrawn");
    }
    assertThat(app.services.people().count()).isEqualTo(1);
  }

  @Test
  void anUnknownLinkIsAPageSayingSoNotABare403() throws Exception {
    open(Optional.of(true));
    var page = new Browser(app.base()).get("/user/signup/?invite=" + Tokens.randomUrlSafe(32));
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("This invitation link is not valid", "ask your team lead");
  }

  @Test
  void invitingTheSameAddressAgainReplacesItsLink() throws Exception {
    open(Optional.empty());
    String first = invite(app, lead, "ada@example.com", 7);
    String second = invite(app, lead, "ada@example.com", 7);
    assertThat(new Browser(app.base()).get(first).statusCode()).isEqualTo(410);
    assertThat(new Browser(app.base()).get(second).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheDigestOfTheLinksSecretIsStored() throws Exception {
    open(Optional.empty());
    String link = invite(app, lead, "ada@example.com", 7);
    String token = link.substring(link.indexOf("invite=") + "invite=".length());
    assertThat(token.length()).as("256 bits, base64url").isEqualTo(43);
    var row = app.database.dsl().fetchOne(Tables.PERSONAL_INVITATIONS);
    assertThat(row.getTokenDigest()).isEqualTo(Tokens.sha256Hex(token));
    assertThat(row.intoList().toString()).doesNotContain(token);
    var list =
        new Browser(app.base())
            .get("/api/invitations", "Authorization", "Token " + app.tokenOf(lead));
    assertThat(list.body()).doesNotContain(token).doesNotContain("invite_url");
  }

  private JsonNode list(User owner) throws Exception {
    var response =
        new Browser(app.base())
            .get("/api/invitations", "Authorization", "Token " + app.tokenOf(owner));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String status(User owner, String email) throws Exception {
    for (JsonNode invitation : list(owner)) {
      if (invitation.get("email").asString().equals(email)) {
        return invitation.get("status").asString();
      }
    }
    throw new AssertionError("no invitation of " + email);
  }

  private long idOf(User owner, String email) throws Exception {
    for (JsonNode invitation : list(owner)) {
      if (invitation.get("email").asString().equals(email)) {
        return invitation.get("id").asLong();
      }
    }
    throw new AssertionError("no invitation of " + email);
  }
}
