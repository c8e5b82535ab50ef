package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SPEC §6 with token and session authentication; SECURITY.md rules for the API. */
class ApiIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;
  TestServer app;
  Browser client;
  User lead;
  String token;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    lead = app.account("lead@example.com");
    token = app.tokenOf(lead);
    client = new Browser(app.base());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String auth() {
    return "Token " + token;
  }

  @Test
  void whoamiReturnsLabelStudiosUserJsonWithoutSecrets() throws Exception {
    var response = client.get("/api/current-user/whoami", "Authorization", auth());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode user = JSON.readTree(response.body());
    assertThat(iterable(user.propertyNames()))
        .containsExactly(
            "id",
            "first_name",
            "last_name",
            "username",
            "email",
            "last_activity",
            "avatar",
            "initials",
            "phone",
            "active_organization",
            "date_joined",
            "is_active");
    assertThat(user.get("email").asString()).isEqualTo("lead@example.com");
    assertThat(user.get("avatar").isNull()).isTrue();
    assertThat(user.get("last_activity").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(response.body())
        .doesNotContain(token)
        .doesNotContain("argon2")
        .doesNotContain("password");
  }

  private static List<String> iterable(Collection<String> names) {
    return List.copyOf(names);
  }

  @Test
  void missingOrBadCredentialsAre401WithDetail() throws Exception {
    var none = client.get("/api/current-user/whoami");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).get("detail").asString())
        .isEqualTo("Authentication credentials were not provided.");
    assertThat(client.get("/api/current-user/whoami", "Authorization", "Token nope").statusCode())
        .isEqualTo(401);
    assertThat(
            client.get("/api/current-user/whoami", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(401);
    assertThat(client.get("/api/current-user/whoami?token=" + token).statusCode())
        .as("never in the URL")
        .isEqualTo(401);
  }

  @Test
  void tokenEndpointsAndResetStopTheOldKeyAtOnce() throws Exception {
    var current = client.get("/api/current-user/token", "Authorization", auth());
    assertThat(JSON.readTree(current.body()).get("token").asString()).isEqualTo(token);
    var reset =
        client.send("POST", "/api/current-user/reset-token/", null, "Authorization", auth());
    assertThat(reset.statusCode()).isEqualTo(201);
    String fresh = JSON.readTree(reset.body()).get("token").asString();
    assertThat(fresh).isNotEqualTo(token);
    assertThat(client.get("/api/current-user/whoami", "Authorization", auth()).statusCode())
        .isEqualTo(401);
    assertThat(
            client.get("/api/current-user/whoami", "Authorization", "Token " + fresh).statusCode())
        .isEqualTo(200);
  }

  @Test
  void sessionAuthenticatedChangesNeedTheCsrfHeader() throws Exception {
    client.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(client.get("/api/current-user/whoami").statusCode()).isEqualTo(200);
    var noHeader = client.send("POST", "/api/current-user/reset-token/", null);
    assertThat(noHeader.statusCode()).isEqualTo(403);
    assertThat(noHeader.body()).contains("CSRF");
    String csrf = client.csrfFrom("/");
    var withHeader =
        client.send("POST", "/api/current-user/reset-token/", null, "X-CSRFToken", csrf);
    assertThat(withHeader.statusCode()).isEqualTo(201);
  }

  @Test
  void inviteLinkAndReset() throws Exception {
    var invite = JSON.readTree(client.get("/api/invite", "Authorization", auth()).body());
    String old = invite.get("token").asString();
    assertThat(invite.get("invite_url").asString()).isEqualTo("/user/signup/?token=" + old);
    assertThat(old.length()).isGreaterThanOrEqualTo(22);
    var reset = client.send("POST", "/api/invite/reset-token", null, "Authorization", auth());
    assertThat(reset.statusCode()).isEqualTo(201);
    String fresh = JSON.readTree(reset.body()).get("token").asString();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(client.get("/user/signup/?token=" + old).statusCode()).isEqualTo(403);
    assertThat(client.get("/user/signup/?token=" + fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void usersListAndDetail() throws Exception {
    User collab = app.account("collab@example.com");
    var list = JSON.readTree(client.get("/api/users/", "Authorization", auth()).body());
    assertThat(list.size()).isEqualTo(2);
    assertThat(list.get(1).get("email").asString()).isEqualTo("collab@example.com");
    var one = client.get("/api/users/" + collab.id() + "/", "Authorization", auth());
    assertThat(JSON.readTree(one.body()).get("id").asLong()).isEqualTo(collab.id());
    var missing = client.get("/api/users/9999/", "Authorization", auth());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("detail").asString()).isNotBlank();
    assertThat(client.get("/api/users/abc/", "Authorization", auth()).statusCode()).isEqualTo(404);
  }

  @Test
  void unknownApiPathsAndMethodsAnswerJson() throws Exception {
    var missing = client.get("/api/nothing-here", "Authorization", auth());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    var method = client.send("PUT", "/api/current-user/whoami", "{}", "Authorization", auth());
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.body()).contains("\"detail\"");
  }

  @Test
  void noCorsForOtherSites() throws Exception {
    var preflight =
        client.send(
            "OPTIONS",
            "/api/current-user/whoami",
            null,
            "Origin",
            "http://attacker.example",
            "Access-Control-Request-Method",
            "GET");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    var read =
        client.get(
            "/api/current-user/whoami",
            "Authorization",
            auth(),
            "Origin",
            "http://attacker.example");
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void oversizedBodiesAreRefusedWith413() throws Exception {
    String big = "x".repeat(200_000);
    var response =
        client.send(
            "POST",
            "/api/current-user/reset-token/",
            "{\"a\":\"" + big + "\"}",
            "Authorization",
            auth());
    assertThat(response.statusCode()).isEqualTo(413);
    var form = client.post("/user/login/", Map.of("email", big));
    assertThat(form.statusCode()).isEqualTo(413);
  }
}
