package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.User;
import com.siali.label.testing.TestDatabases;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #16: two server nodes (each its own data directory, services, caches and change feed
 * follower, as two processes would have) on one PostgreSQL database behave as one, whichever node
 * answers each request: no sticky sessions.
 */
class ClusterIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSPHRASE = "a perfectly fine passphrase";

  @TempDir Path tmp;
  TestServer a;
  TestServer b;
  User lead;

  @BeforeEach
  void startTwoNodes() {
    // Two nodes need a database that two processes open at once: PostgreSQL. H2's file is opened
    // by one process only (ADR 0005), so on H2 there is no cluster to test.
    assumeTrue(TestDatabases.postgres(), "a cluster needs PostgreSQL");
    a = new TestServer(tmp.resolve("a"), Optional.of(true));
    b = new TestServer(tmp.resolve("b"), TestDatabases.target(tmp.resolve("a")), Optional.of(true));
    lead = a.account("lead@example.com");
  }

  @AfterEach
  void stopBothNodes() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void signUpOnALogInOnBAndTheCookieWorksOnBoth() throws Exception {
    Browser onA = new Browser(a.base());
    String link =
        "?token="
            + URLEncoder.encode(a.services.invitations().currentToken(), StandardCharsets.UTF_8);
    var signedUp = signUp(onA, link, "ada@example.com");
    assertThat(signedUp.statusCode()).isEqualTo(302);

    Browser onB = new Browser(b.base());
    assertThat(onB.logIn("ada@example.com", PASSPHRASE).statusCode()).isEqualTo(302);
    assertThat(onB.get("/").body()).contains("Welcome, ada@example.com");
    assertThat(onB.on(a.base()).get("/").body())
        .as("the cookie B set works on A")
        .contains("Welcome, ada@example.com");
  }

  @Test
  void aFormServedByAPostsToBButAValueNoNodeMadeIsRefused() throws Exception {
    Browser visitor = new Browser(a.base());
    String csrf = visitor.csrfFrom("/user/login/");
    var loggedIn =
        visitor
            .on(b.base())
            .post(
                "/user/login/",
                Map.of(
                    "email",
                    "lead@example.com",
                    "password",
                    TestServer.PASSWORD,
                    "csrf_token",
                    csrf));
    assertThat(loggedIn.statusCode()).as("A's anonymous form, posted to B").isEqualTo(302);

    String accountCsrf = visitor.csrfFrom("/user/account/");
    var saved =
        visitor
            .on(b.base())
            .post(
                "/user/account/",
                Map.of(
                    "action",
                    "profile",
                    "first_name",
                    "Lea",
                    "last_name",
                    "",
                    "phone",
                    "",
                    "csrf_token",
                    accountCsrf));
    assertThat(saved.statusCode()).as("A's signed-in form, posted to B").isIn(200, 302);
    assertThat(b.services.people().get(lead.id()).firstName()).isEqualTo("Lea");

    String forged = "made-up-nonce.made-up-signature";
    var planted =
        new Browser(b.base())
            .post(
                "/user/login/",
                Map.of(
                    "email",
                    "lead@example.com",
                    "password",
                    TestServer.PASSWORD,
                    "csrf_token",
                    forged),
                "Cookie",
                "sl_csrf=" + forged);
    assertThat(planted.statusCode()).as("a cookie no node signed").isEqualTo(403);
  }

  @Test
  void aTokenResetOnAIsRefusedOnBWithinASecond() throws Exception {
    String old = a.tokenOf(lead);
    Browser apiOnB = new Browser(b.base());
    assertThat(whoami(apiOnB, old)).as("B knows the token (and caches it)").isEqualTo(200);
    assertThat(whoami(apiOnB, old)).isEqualTo(200);

    var reset =
        new Browser(a.base()).send("POST", "/api/current-user/reset-token", null, auth(old));
    assertThat(reset.statusCode()).isEqualTo(201);
    String fresh = JSON.readTree(reset.body()).get("token").asString();

    within(Duration.ofSeconds(1), () -> whoami(apiOnB, old) == 401);
    assertThat(whoami(apiOnB, fresh)).isEqualTo(200);
  }

  @Test
  void resetLinkOnARefusesTheOldLinkOnBAtOnce() throws Exception {
    String ownerToken = a.tokenOf(lead);
    var current = new Browser(b.base()).get("/api/invite", auth(ownerToken));
    String old = JSON.readTree(current.body()).get("token").asString();
    String oldQuery = "?token=" + URLEncoder.encode(old, StandardCharsets.UTF_8);
    Browser visitor = new Browser(b.base());
    assertThat(visitor.get("/user/signup/" + oldQuery).statusCode()).isEqualTo(200);

    var reset =
        new Browser(a.base()).send("POST", "/api/invite/reset-token", null, auth(ownerToken));
    assertThat(reset.statusCode()).isEqualTo(201);

    var page = visitor.get("/user/signup/" + oldQuery);
    assertThat(page.statusCode()).as("at once, not after the feed").isEqualTo(403);
    assertThat(page.body()).contains("no longer valid");
    assertThat(signUp(visitor, oldQuery, "ada@example.com").statusCode()).isEqualTo(403);
    assertThat(b.services.people().count()).as("nothing created").isEqualTo(1);
  }

  @Test
  void deactivatingOnAEndsTheSessionAndTheTokenOnB() throws Exception {
    User collab = a.account("collab@example.com");
    String collabToken = a.tokenOf(collab);
    Browser collabOnB = new Browser(b.base());
    collabOnB.logIn("collab@example.com", TestServer.PASSWORD);
    assertThat(collabOnB.get("/").statusCode()).isEqualTo(200);
    Browser apiOnB = new Browser(b.base());
    assertThat(whoami(apiOnB, collabToken)).isEqualTo(200);
    assertThat(whoami(apiOnB, collabToken)).as("now from B's token cache").isEqualTo(200);

    var deactivated =
        new Browser(a.base())
            .send(
                "PATCH",
                "/api/users/" + collab.id() + "/",
                "{\"is_active\": false}",
                auth(a.tokenOf(lead)));
    assertThat(deactivated.statusCode()).isEqualTo(200);

    assertThat(collabOnB.get("/").statusCode()).as("the session, at once").isEqualTo(302);
    within(Duration.ofSeconds(1), () -> whoami(apiOnB, collabToken) == 401);
  }

  @Test
  void aPictureUploadedOnAIsServedByBAtOnce() throws Exception {
    String token = a.tokenOf(lead);
    byte[] png = Pictures.png(64, 64);
    var uploaded =
        new Browser(a.base())
            .upload("/api/users/" + lead.id() + "/avatar/", Map.of(), "avatar", png, auth(token));
    assertThat(uploaded.statusCode()).isEqualTo(201);
    String name = a.services.people().get(lead.id()).avatar().orElseThrow();

    Browser onB = new Browser(b.base());
    var served = onB.getBytes("/data/avatars/" + name, auth(token));
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    assertThat(served.body())
        .isEqualTo(new Browser(a.base()).getBytes("/data/avatars/" + name, auth(token)).body());
    String etag = served.headers().firstValue("ETag").orElseThrow();
    var revalidated =
        onB.getBytes(
            "/data/avatars/" + name, "Authorization", "Token " + token, "If-None-Match", etag);
    assertThat(revalidated.statusCode()).as("the browser's copy is still good").isEqualTo(304);
    assertThat(tmp.resolve("b").resolve("avatars").toFile().list())
        .as("nothing in B's data directory")
        .isEmpty();
  }

  @Test
  void wrongPasswordsSpreadOverBothNodesMeetOneThrottleWhileTheRealUserLogsInElsewhere()
      throws Exception {
    Browser guesserOnA = new Browser(a.base());
    Browser guesserOnB = guesserOnA.on(b.base());
    // Five failures for one account from one address are free (LoginThrottle), then the next
    // attempt waits a second: three on A and two on B, which alone would stay free on either.
    for (int i = 0; i < 5; i++) {
      Browser node = i % 2 == 0 ? guesserOnA : guesserOnB;
      assertThat(node.logIn("lead@example.com", "wrong password " + i).statusCode())
          .as("guess %d, on node %s", i, i % 2 == 0 ? "A" : "B")
          .isEqualTo(400);
    }
    var blockedOnA = guesserOnA.logIn("lead@example.com", TestServer.PASSWORD);
    var blockedOnB = guesserOnB.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(blockedOnA.statusCode()).isEqualTo(429);
    assertThat(blockedOnB.statusCode()).as("the same count on the other node").isEqualTo(429);
    assertThat(blockedOnB.headers().firstValue("Retry-After")).isPresent();

    Browser realUser = Browser.from("127.0.0.2", b.base());
    assertThat(realUser.logIn("lead@example.com", TestServer.PASSWORD).statusCode())
        .as("the real person, from another computer")
        .isEqualTo(302);
    assertThat(realUser.on(a.base()).get("/").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> signUp(Browser browser, String query, String email)
      throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    return browser.post(
        "/user/signup/" + query,
        Map.of("email", email, "password", PASSPHRASE, "csrf_token", csrf));
  }

  private static int whoami(Browser browser, String token) throws Exception {
    return browser.get("/api/current-user/whoami", auth(token)).statusCode();
  }

  private static String[] auth(String token) {
    return new String[] {"Authorization", "Token " + token};
  }

  private static void within(Duration limit, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("within %s", limit).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
