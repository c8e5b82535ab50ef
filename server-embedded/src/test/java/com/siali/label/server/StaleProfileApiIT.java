package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 §4 over real HTTP: the user JSON carries an ETag; a PATCH with an If-Match that no
 * longer matches answers 409 and saves nothing; a PATCH without If-Match overwrites, as before.
 */
class StaleProfileApiIT extends TwoAccountServer {
  private static final String PATH = "/api/users/%d/";

  @Test
  void everyUserJsonCarriesTheSameETagUntilTheProfileChanges() throws Exception {
    var read = client.get(path(collab.id()), as(collab));
    String etag = etag(read);
    assertThat(etag).matches("\"[0-9a-f]{24}\"");
    assertThat(etag(client.get("/api/current-user/whoami", as(collab)))).isEqualTo(etag);

    // A log-in moves last_activity, not the profile: the ETag stays.
    collabLoggedIn();
    assertThat(etag(client.get(path(collab.id()), as(collab)))).isEqualTo(etag);

    var saved = patch(collab.id(), "{\"first_name\": \"Col\"}", etag);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(etag(saved)).isNotEqualTo(etag);
    assertThat(etag(client.get(path(collab.id()), as(collab)))).isEqualTo(etag(saved));
  }

  @Test
  void aPatchFromAStaleReadIsRefusedWith409AndSavesNothing() throws Exception {
    String etag = etag(client.get(path(collab.id()), as(collab)));
    // Changed elsewhere (the window, the web Account page, another process) after the read.
    app.services.accounts().updateProfile(collab.id(), new ProfileUpdate("Set", "Elsewhere", ""));

    var stale = patch(collab.id(), "{\"first_name\": \"Mine\"}", etag);

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).get("detail").asString())
        .isEqualTo(
            "This account was changed since you read it, so your change was not saved. Read it"
                + " again (GET /api/users/"
                + collab.id()
                + "/ gives its current ETag) and send your change with that ETag in If-Match.");
    assertThat(app.services.people().get(collab.id()).firstName()).isEqualTo("Set");

    String fresh = etag(client.get(path(collab.id()), as(collab)));
    assertThat(patch(collab.id(), "{\"first_name\": \"Mine\"}", fresh).statusCode()).isEqualTo(200);
    assertThat(app.services.people().get(collab.id()).firstName()).isEqualTo("Mine");
  }

  @Test
  void withoutIfMatchOrWithAStarTheLastWriteWinsAsBefore() throws Exception {
    app.services.accounts().updateProfile(collab.id(), new ProfileUpdate("Set", "", ""));
    var plain = client.send("PATCH", path(collab.id()), "{\"last_name\": \"Script\"}", as(collab));
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(patch(collab.id(), "{\"phone\": \"123\"}", "*").statusCode()).isEqualTo(200);
    var now = app.services.people().get(collab.id());
    assertThat(now.firstName()).isEqualTo("Set");
    assertThat(now.lastName()).isEqualTo("Script");
    assertThat(now.phone()).isEqualTo("123");
  }

  @Test
  void theOwnersDeactivationFromAStaleReadIsRefusedToo() throws Exception {
    String etag = etag(client.get(path(collab.id()), as(lead)));
    app.services.accounts().updateProfile(collab.id(), new ProfileUpdate("Renamed", "", ""));

    var stale =
        client.send(
            "PATCH",
            path(collab.id()),
            "{\"is_active\": false}",
            "Authorization",
            as(lead)[1],
            "If-Match",
            etag);

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(app.services.people().get(collab.id()).active()).isTrue();
    String fresh = etag(client.get(path(collab.id()), as(lead)));
    var ok =
        client.send(
            "PATCH",
            path(collab.id()),
            "{\"is_active\": false}",
            "Authorization",
            as(lead)[1],
            "If-Match",
            fresh);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(etag(ok)).isNotEqualTo(fresh);
  }

  @Test
  void anIfMatchThatIsNotOurETagIsA400() throws Exception {
    for (String bad : new String[] {"abc", "W/\"abc\"", "\"a\", junk", "\"\""}) {
      var response = patch(collab.id(), "{\"first_name\": \"X\"}", bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("detail").asString())
          .isEqualTo(
              "If-Match must be the ETag of the account as this API gave it, in double quotes.");
    }
    assertThat(app.services.people().get(collab.id()).firstName()).isEmpty();
  }

  private HttpResponse<String> patch(long id, String json, String ifMatch) throws Exception {
    return client.send(
        "PATCH", path(id), json, "Authorization", as(collab)[1], "If-Match", ifMatch);
  }

  private static String path(long id) {
    return PATH.formatted(id);
  }

  private static String etag(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return response.headers().firstValue("etag").orElseThrow();
  }
}
