package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 3, {@code /api/invitations} (docs/API.md): per-address errors beside the links
 * made, the expiry's bounds, the list with what became of each, revoking, and the owner only.
 */
class InvitationsApiIT extends TwoAccountServer {

  private HttpResponse<String> create(String json) throws Exception {
    return client.send("POST", "/api/invitations", json, as(lead));
  }

  @Test
  void validAddressesGetTheirLinksAndEachRefusedOneItsReason() throws Exception {
    var response =
        create(
            "{\"emails\": [\"Ada@Example.com\", \"not an email\", \"collab@example.com\","
                + " \"ada@example.com\", \"grace@example.com\"], \"expires_in_days\": 3}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(response.body());

    assertThat(body.get("invitations")).hasSize(2);
    JsonNode ada = body.get("invitations").get(0);
    assertThat(ada.propertyNames()).containsExactly("id", "email", "invite_url", "expires_at");
    assertThat(ada.get("email").asString()).isEqualTo("ada@example.com");
    // Absolute, on an address collaborators reach (the loopback name the test used is not one).
    assertThat(ada.get("invite_url").asString())
        .matches("http://[^/]+:" + app.server.port() + "/user/signup/\\?invite=[A-Za-z0-9_-]{43}");
    assertThat(Instant.parse(ada.get("expires_at").asString()))
        .isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(1, ChronoUnit.MINUTES));
    assertThat(body.get("invitations").get(1).get("email").asString())
        .isEqualTo("grace@example.com");

    JsonNode errors = body.get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("email").asString()).isEqualTo("not an email");
    assertThat(errors.get(0).get("detail").asString()).isEqualTo("Enter a valid email address.");
    assertThat(errors.get(1).get("email").asString()).isEqualTo("collab@example.com");
    assertThat(errors.get(1).get("detail").asString())
        .isEqualTo("collab@example.com already has an account.");
  }

  @Test
  void withNoValidAddressNothingIsMadeAndTheAnswerIs400() throws Exception {
    var response = create("{\"emails\": [\"lead@example.com\", \"@\"]}");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("detail").asString()).contains("No invitation was made");
    assertThat(body.get("errors")).hasSize(2);
    assertThat(list()).isEmpty();
  }

  @Test
  void anExpiryOutsideOneToThirtyDaysOrNotAWholeNumberIsRefused() throws Exception {
    for (String days : new String[] {"31", "0", "-1", "\"7\"", "7.5", "100000000000"}) {
      var response =
          create("{\"emails\": [\"ada@example.com\"], \"expires_in_days\": " + days + "}");
      assertThat(response.statusCode()).as(days).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("detail").asString())
          .as(days)
          .contains("expires_in_days", "1 to 30");
    }
    assertThat(create("{\"emails\": [\"ada@example.com\"], \"expires_in_days\": 30}").statusCode())
        .isEqualTo(201);
    assertThat(create("{\"emails\": \"ada@example.com\"}").statusCode()).isEqualTo(400);
    assertThat(create("{\"emails\": [], \"expires_in_days\": 7}").statusCode()).isEqualTo(400);
    assertThat(create("{\"emails\": [\"a@example.com\"], \"role\": \"owner\"}").statusCode())
        .isEqualTo(400);
    assertThat(list()).hasSize(1);
  }

  @Test
  void theListSaysWhoInvitedWhenAndWhatBecameOfEachWithoutAnyLink() throws Exception {
    JsonNode made =
        JSON.readTree(create("{\"emails\": [\"ada@example.com\", \"grace@example.com\"]}").body());
    long grace = made.get("invitations").get(1).get("id").asLong();

    assertThat(client.send("DELETE", "/api/invitations/" + grace, null, as(lead)).statusCode())
        .isEqualTo(204);
    JsonNode list = list();
    assertThat(list).hasSize(2);
    JsonNode newest = list.get(0);
    assertThat(newest.propertyNames())
        .containsExactly(
            "id",
            "email",
            "invited_by",
            "created_at",
            "expires_at",
            "status",
            "used_at",
            "revoked_at");
    assertThat(newest.get("invited_by").asString()).isEqualTo("lead@example.com");
    assertThat(statusOf(list, "grace@example.com")).isEqualTo("revoked");
    assertThat(statusOf(list, "ada@example.com")).isEqualTo("pending");
    assertThat(list.toString()).doesNotContain("invite=");

    // Revoking again changes nothing; an unknown id is 404.
    assertThat(client.send("DELETE", "/api/invitations/" + grace, null, as(lead)).statusCode())
        .isEqualTo(204);
    var unknown = client.send("DELETE", "/api/invitations/999999", null, as(lead));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("999999");
  }

  @Test
  void aUsedInvitationCannotBeRevokedAndIsListedAsUsed() throws Exception {
    String link = PersonalInvitationsIT.invite(app, lead, "ada@example.com", 7);
    var signedUp =
        PersonalInvitationsIT.signUp(
            new Browser(app.base()), link, "ada@example.com", PersonalInvitationsIT.PASSWORD);
    assertThat(signedUp.statusCode()).isEqualTo(302);
    JsonNode ada = list().get(0);
    assertThat(ada.get("status").asString()).isEqualTo("used");
    assertThat(ada.get("used_at").isNull()).isFalse();

    var revoke =
        client.send("DELETE", "/api/invitations/" + ada.get("id").asLong(), null, as(lead));
    assertThat(revoke.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(revoke.body()).get("detail").asString()).contains("already used");
  }

  @Test
  void aMemberGets403OnEveryInvitationCallAndPage() throws Exception {
    long id =
        JSON.readTree(create("{\"emails\": [\"ada@example.com\"]}").body())
            .get("invitations")
            .get(0)
            .get("id")
            .asLong();
    var calls =
        new HttpResponse<?>[] {
          client.send("POST", "/api/invitations", "{\"emails\": [\"x@example.com\"]}", as(collab)),
          client.get("/api/invitations", as(collab)),
          client.send("DELETE", "/api/invitations/" + id, null, as(collab)),
          client.send("POST", "/api/invitations/revoke-all", null, as(collab))
        };
    for (var call : calls) {
      assertThat(call.statusCode()).as(call.request().uri().toString()).isEqualTo(403);
      assertThat(JSON.readTree(call.body().toString()).get("detail").asString())
          .isEqualTo("Only the owner can invite people by email.");
    }
    assertThat(statusOf(list(), "ada@example.com")).isEqualTo("pending");

    Browser member = collabLoggedIn();
    assertThat(member.get("/people/invitations/").statusCode()).isEqualTo(403);
    String csrf = member.csrfFrom("/user/account/");
    var post =
        member.post("/people/invitations/", Map.of("emails", "x@example.com", "csrf_token", csrf));
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(member.get("/people/").body()).doesNotContain("Invite by email");
  }

  @Test
  void withoutCredentialsTheApiIs401() throws Exception {
    assertThat(client.get("/api/invitations").statusCode()).isEqualTo(401);
  }

  private JsonNode list() throws Exception {
    var response = client.get("/api/invitations", as(lead));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String statusOf(JsonNode list, String email) {
    for (JsonNode invitation : list) {
      if (invitation.get("email").asString().equals(email)) {
        return invitation.get("status").asString();
      }
    }
    throw new AssertionError("no invitation of " + email);
  }
}
