package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #15 items 2 and 3: the owner (de)activates accounts through the API, the People list
 * filters, orders and pages, and API clients fetch avatars with their token.
 */
class UsersAdminApiIT extends TwoAccountServer {

  private HttpResponse<String> patch(User target, String json, User caller) throws Exception {
    return client.send("PATCH", "/api/users/" + target.id() + "/", json, as(caller));
  }

  private static String detail(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("detail").asString();
  }

  @Test
  void onlyTheOwnerDeactivatesOthersAndItRefusesTokenAndSessionAtOnce() throws Exception {
    Browser collabBrowser = collabLoggedIn();
    assertThat(collabBrowser.get("/").statusCode()).isEqualTo(200);
    // Twice: the second is answered from the token cache, which must forget the account.
    assertThat(client.get("/api/current-user/whoami", as(collab)).statusCode()).isEqualTo(200);
    assertThat(client.get("/api/current-user/whoami", as(collab)).statusCode()).isEqualTo(200);

    var member = patch(lead, "{\"is_active\": false}", collab);
    assertThat(member.statusCode()).isEqualTo(403);
    assertThat(detail(member)).contains("owner");
    assertThat(patch(collab, "{\"is_active\": false}", collab).statusCode()).isEqualTo(403);
    var self = patch(lead, "{\"is_active\": false}", lead);
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(detail(self)).contains("owner account");
    var wrongType = patch(collab, "{\"is_active\": \"no\"}", lead);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(detail(wrongType)).isEqualTo("is_active must be true or false.");
    assertThat(patch(collab, "{\"is_active\": null}", lead).statusCode()).isEqualTo(400);
    // Another's profile stays theirs, even beside is_active.
    assertThat(patch(collab, "{\"is_active\": false, \"first_name\": \"X\"}", lead).statusCode())
        .isEqualTo(403);
    assertThat(app.services.people().get(collab.id()).active()).isTrue();
    assertThat(app.services.people().get(lead.id()).active()).isTrue();

    var off = patch(collab, "{\"is_active\": false}", lead);
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(off.body()).get("is_active").asBoolean()).isFalse();
    assertThat(app.services.people().get(collab.id()).active()).isFalse();
    var refusedToken = client.get("/api/current-user/whoami", as(collab));
    assertThat(refusedToken.statusCode()).isEqualTo(401);
    var refusedSession = collabBrowser.get("/");
    assertThat(refusedSession.statusCode()).isEqualTo(302);
    assertThat(refusedSession.headers().firstValue("Location").orElseThrow())
        .startsWith("/user/login/");

    var on = patch(collab, "{\"is_active\": true}", lead);
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(on.body()).get("is_active").asBoolean()).isTrue();
    assertThat(client.get("/api/current-user/whoami", as(collab)).statusCode()).isEqualTo(200);
    assertThat(collabBrowser.get("/").statusCode())
        .as("deactivation ended the session for good")
        .isEqualTo(302);
  }

  @Test
  void profilePatchStillWorksAndUserJsonHasIsActive() throws Exception {
    var own = patch(collab, "{\"first_name\": \"Cleo\", \"phone\": \"123\"}", collab);
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(own.body());
    assertThat(json.get("first_name").asString()).isEqualTo("Cleo");
    assertThat(json.get("is_active").asBoolean()).isTrue();
    assertThat(json.has("active")).isFalse();
    var read = JSON.readTree(client.get("/api/users/" + lead.id() + "/", as(collab)).body());
    assertThat(read.get("is_active").isBoolean()).isTrue();
    var wrongType = patch(collab, "{\"last_name\": [\"x\"]}", collab);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(detail(wrongType)).isEqualTo("last_name must be a string.");
  }

  /** lead, collab, then Ada Byron, Bea Curie (deactivated), Cyd Dane: joined in that order. */
  private List<User> fivePeople() {
    app.services.accounts().updateProfile(lead.id(), new ProfileUpdate("Lea", "Zorn", ""));
    app.services.accounts().updateProfile(collab.id(), new ProfileUpdate("Col", "Ash", ""));
    List<User> all = new ArrayList<>(List.of(lead, collab));
    String[][] names = {{"ada", "Ada", "Byron"}, {"bea", "Bea", "Curie"}, {"cyd", "Cyd", "Dane"}};
    for (String[] n : names) {
      User u = app.account(n[0] + "@example.com");
      all.add(app.services.accounts().updateProfile(u.id(), new ProfileUpdate(n[1], n[2], "")));
    }
    app.services.administration().setActive(lead.id(), all.get(3).id(), false);
    return all;
  }

  private List<Long> ids(String query) throws Exception {
    var response = client.get("/api/users/" + query, as(collab));
    assertThat(response.statusCode()).as(query).isEqualTo(200);
    JsonNode array = JSON.readTree(response.body());
    assertThat(array.isArray()).as("a plain array for %s", query).isTrue();
    List<Long> ids = new ArrayList<>();
    array.forEach(u -> ids.add(u.get("id").asLong()));
    return ids;
  }

  @Test
  void listFiltersOrdersAndPagesOnlyWhenAsked() throws Exception {
    List<User> p = fivePeople();
    long lea = p.get(0).id(), col = p.get(1).id(), ada = p.get(2).id();
    long bea = p.get(3).id(), cyd = p.get(4).id();
    assertThat(ids("")).containsExactly(lea, col, ada, bea, cyd);
    assertThat(ids("?is_active=false")).containsExactly(bea);
    assertThat(ids("?is_active=true")).containsExactly(lea, col, ada, cyd);
    assertThat(ids("?ordering=-date_joined")).containsExactly(cyd, bea, ada, col, lea);
    assertThat(ids("?ordering=date_joined")).containsExactly(lea, col, ada, bea, cyd);
    assertThat(ids("?ordering=email")).containsExactly(ada, bea, col, cyd, lea);
    assertThat(ids("?ordering=-email")).containsExactly(lea, cyd, col, bea, ada);
    assertThat(ids("?ordering=name")).containsExactly(ada, bea, col, cyd, lea);
    assertThat(ids("?ordering=-name&is_active=true")).containsExactly(lea, cyd, col, ada);
    assertThat(ids("?search=cur")).containsExactly(bea);
    assertThat(ids("?search=example&is_active=false")).containsExactly(bea);
    assertThat(ids("?search=nobody")).isEmpty();

    patch(p.get(2), "{\"phone\": \"1\"}", p.get(2)); // ada is now the last active
    assertThat(ids("?ordering=-last_activity&is_active=true").getFirst()).isEqualTo(ada);
    assertThat(ids("?ordering=last_activity&is_active=true").getLast()).isEqualTo(ada);

    var first = client.get("/api/users/?ordering=email&page_size=2", as(collab));
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode one = JSON.readTree(first.body());
    assertThat(one.get("count").asLong()).isEqualTo(5);
    assertThat(one.get("previous").isNull()).isTrue();
    assertThat(one.get("next").asString())
        .isEqualTo(app.base() + "/api/users/?ordering=email&page=2&page_size=2");
    assertThat(one.get("results").findValues("id").stream().map(JsonNode::asLong))
        .containsExactly(ada, bea);
    JsonNode three =
        JSON.readTree(
            client.get("/api/users/?ordering=email&page=3&page_size=2", as(collab)).body());
    assertThat(three.get("next").isNull()).isTrue();
    assertThat(three.get("previous").asString())
        .isEqualTo(app.base() + "/api/users/?ordering=email&page=2&page_size=2");
    assertThat(three.get("results").findValues("id").stream().map(JsonNode::asLong))
        .containsExactly(lea);
    JsonNode filtered =
        JSON.readTree(
            client
                .get("/api/users/?is_active=true&ordering=-name&page=2&page_size=3", as(collab))
                .body());
    assertThat(filtered.get("count").asLong()).isEqualTo(4);
    assertThat(filtered.get("results").findValues("id").stream().map(JsonNode::asLong))
        .containsExactly(ada);
    JsonNode defaultSize = JSON.readTree(client.get("/api/users/?page=1", as(collab)).body());
    assertThat(defaultSize.get("count").asLong()).isEqualTo(5);
    assertThat(defaultSize.get("results").size()).isEqualTo(5);
    var beyond = client.get("/api/users/?page=4&page_size=2", as(collab));
    assertThat(beyond.statusCode()).isEqualTo(404);
    assertThat(detail(beyond)).isEqualTo("Invalid page.");
  }

  @Test
  void everyBadListParameterIsA400NamingIt() throws Exception {
    Map<String, String> bad =
        Map.of(
            "ordering=foo", "ordering",
            "ordering=-", "ordering",
            "ordering=password_hash", "ordering",
            "page=0", "page",
            "page=x", "page",
            "page=-1", "page",
            "page_size=0", "page_size",
            "page_size=100000", "page_size",
            "is_active=maybe", "is_active");
    for (var entry : bad.entrySet()) {
      var response = client.get("/api/users/?" + entry.getKey(), as(collab));
      assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
      assertThat(detail(response)).as(entry.getKey()).startsWith(entry.getValue() + " must");
    }
  }

  @Test
  void avatarsAreFetchedWithATokenOrTheSession() throws Exception {
    var upload =
        client.upload(
            "/api/users/" + collab.id() + "/avatar/",
            Map.of(),
            "avatar",
            Pictures.png(64, 64),
            as(collab));
    String url = JSON.readTree(upload.body()).get("avatar").asString();

    var byToken = client.getBytes(url, as(lead));
    assertThat(byToken.statusCode()).isEqualTo(200);
    assertThat(byToken.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(byToken.body()).startsWith((byte) 0xFF, (byte) 0xD8);

    var badToken = client.get(url, "Authorization", "Token not-a-token");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(badToken.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(detail(badToken)).isEqualTo("Invalid token.");

    var nobody = new Browser(app.base()).get(url);
    assertThat(nobody.statusCode()).isEqualTo(302);
    assertThat(nobody.headers().firstValue("Location").orElseThrow())
        .startsWith("/user/login/?next=");
    assertThat(collabLoggedIn().getBytes(url).statusCode()).isEqualTo(200);
  }
}
