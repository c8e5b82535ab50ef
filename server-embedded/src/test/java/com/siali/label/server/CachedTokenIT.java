package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API tokens are looked up in memory after their first use (ADR 0009). Whatever changes who a token
 * belongs to, or what that account looks like, must show on the very next request: each test first
 * warms the cache with a whoami, changes something through a real path (the API, the Account page,
 * or the services the console and the command line call), and asks again at once.
 */
class CachedTokenIT extends TwoAccountServer {
  private HttpResponse<String> whoami(String token) throws Exception {
    return client.get("/api/current-user/whoami", "Authorization", "Token " + token);
  }

  /**
   * whoami twice: the second time the token is cached; that must not change a byte the caller sees.
   */
  private JsonNode warm(String token) throws Exception {
    var first = whoami(token);
    var second = whoami(token);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    return JSON.readTree(second.body());
  }

  @Test
  void aCachedTokenGetsExactlyTheSameAnswer() throws Exception {
    String token = app.tokenOf(collab);
    var first = whoami(token);
    var cached = whoami(token);
    assertThat(cached.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
    assertThat(cached.body()).isEqualTo(first.body());
    assertThat(withoutDate(cached.headers().map())).isEqualTo(withoutDate(first.headers().map()));
    assertThat(cached.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(cached.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(whoami(token + "0").statusCode()).as("a longer key is another key").isEqualTo(401);
    assertThat(client.get("/api/current-user/whoami").statusCode()).isEqualTo(401);
  }

  private static Map<String, ?> withoutDate(Map<String, ?> headers) {
    var copy = new HashMap<String, Object>(headers);
    copy.remove("date");
    return copy;
  }

  @Test
  void resetTokenThroughTheApiRefusesTheOldKeyAtOnce() throws Exception {
    String old = app.tokenOf(collab);
    warm(old);
    var reset =
        client.send(
            "POST", "/api/current-user/reset-token/", null, "Authorization", "Token " + old);
    String fresh = JSON.readTree(reset.body()).get("token").asString();
    assertThat(whoami(old).statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(whoami(fresh).body()).get("id").asLong()).isEqualTo(collab.id());
  }

  @Test
  void resetTokenOnTheAccountPageRefusesTheOldKeyAtOnce() throws Exception {
    String old = app.tokenOf(collab);
    warm(old);
    var browser = collabLoggedIn();
    browser.post(
        "/user/account/",
        Map.of("action", "reset_token", "csrf_token", browser.csrfFrom("/user/account/")));
    assertThat(whoami(old).statusCode()).isEqualTo(401);
    assertThat(whoami(app.tokenOf(collab)).statusCode()).isEqualTo(200);
  }

  @Test
  void deactivationRefusesTheTokenAtOnceAndActivationRestoresIt() throws Exception {
    String token = app.tokenOf(collab);
    warm(token);
    app.services
        .administration()
        .setActive(lead.id(), collab.id(), false); // what the console calls
    assertThat(whoami(token).statusCode()).isEqualTo(401);
    assertThat(whoami(token).statusCode()).as("and stays refused").isEqualTo(401);
    app.services.administration().setActive(lead.id(), collab.id(), true);
    assertThat(whoami(token).statusCode()).isEqualTo(200);
  }

  @Test
  void deletionThroughTheApiRefusesTheTokenAtOnce() throws Exception {
    String token = app.tokenOf(collab);
    warm(token);
    var deleted =
        client.send(
            "DELETE",
            "/api/users/" + collab.id() + "/",
            null,
            "Authorization",
            "Token " + app.tokenOf(lead));
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(whoami(token).statusCode()).isEqualTo(401);
  }

  @Test
  void profileChangesThroughTheApiShowAtOnce() throws Exception {
    String token = app.tokenOf(collab);
    warm(token);
    client.send(
        "PATCH",
        "/api/users/" + collab.id() + "/",
        "{\"first_name\": \"Grace\", \"phone\": \"555\"}",
        "Authorization",
        "Token " + token);
    JsonNode me = JSON.readTree(whoami(token).body());
    assertThat(me.get("first_name").asString()).isEqualTo("Grace");
    assertThat(me.get("phone").asString()).isEqualTo("555");
    assertThat(me.get("initials").asString()).isEqualTo("G");
  }

  @Test
  void profileChangesOnTheAccountPageShowAtOnce() throws Exception {
    String token = app.tokenOf(collab);
    warm(token);
    var browser = collabLoggedIn();
    browser.post(
        "/user/account/",
        Map.of(
            "action",
            "profile",
            "first_name",
            "Ada",
            "last_name",
            "Lovelace",
            "phone",
            "",
            "csrf_token",
            browser.csrfFrom("/user/account/")));
    assertThat(JSON.readTree(whoami(token).body()).get("last_name").asString())
        .isEqualTo("Lovelace");
  }

  @Test
  void avatarUploadAndRemovalShowAtOnce() throws Exception {
    String token = app.tokenOf(collab);
    assertThat(warm(token).get("avatar").isNull()).isTrue();
    client.upload(
        "/api/users/" + collab.id() + "/avatar/",
        Map.of(),
        "avatar",
        Pictures.png(64, 64),
        "Authorization",
        "Token " + token);
    assertThat(JSON.readTree(whoami(token).body()).get("avatar").asString())
        .startsWith("/data/avatars/");
    client.send(
        "DELETE",
        "/api/users/" + collab.id() + "/avatar/",
        null,
        "Authorization",
        "Token " + token);
    assertThat(JSON.readTree(whoami(token).body()).get("avatar").isNull()).isTrue();
  }

  @Test
  void activityRecordedByOtherRequestsShowsAtOnce() throws Exception {
    String token = app.tokenOf(collab);
    String before = warm(token).get("last_activity").asString();
    var created =
        client.send(
            "POST",
            "/api/projects/",
            "{\"title\": \"Birds\", \"description\": \"\"}",
            "Authorization",
            "Token " + token);
    assertThat(created.statusCode()).isEqualTo(201);
    String after = JSON.readTree(whoami(token).body()).get("last_activity").asString();
    assertThat(after).isGreaterThan(before);
    var browser = new Browser(app.base());
    browser.logIn("collab@example.com", TestServer.PASSWORD); // a log-in is activity too
    assertThat(JSON.readTree(whoami(token).body()).get("last_activity").asString())
        .isGreaterThan(after);
  }

  @Test
  void passwordResetShowsAtOnceAndKeepsTheToken() throws Exception {
    String token = app.tokenOf(collab);
    String before = warm(token).get("last_activity").asString();
    app.services
        .accounts()
        .setPassword(collab.id(), "a brand new passphrase"); // reset_password, the console
    var after = whoami(token);
    assertThat(after.statusCode())
        .as("the API token is not a password: it survives")
        .isEqualTo(200);
    assertThat(JSON.readTree(after.body()).get("last_activity").asString()).isGreaterThan(before);
  }

  @Test
  void aTokenSetForANewAccountWorksAtOnceAndAnUnknownOneNever() throws Exception {
    assertThat(whoami("f".repeat(40)).statusCode()).isEqualTo(401);
    app.services
        .accounts()
        .create(
            new NewAccount(
                EmailAddress.parse("seed@example.com"),
                TestServer.PASSWORD,
                Optional.of("f".repeat(40))));
    assertThat(JSON.readTree(whoami("f".repeat(40)).body()).get("email").asString())
        .isEqualTo("seed@example.com");
  }
}
