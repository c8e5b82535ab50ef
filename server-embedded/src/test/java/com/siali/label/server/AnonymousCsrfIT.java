package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSRF value of a visitor not yet signed in is a signed double-submit cookie (ADR 0018): a
 * value made by the server (by any node on the database) is accepted, one planted by somebody else
 * is not.
 */
class AnonymousCsrfIT {
  @TempDir Path tmp;
  TestServer app;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    app.account("lead@example.com");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aPlantedCookieWithAMatchingFieldIsRefusedAndReplacedByAGenuineOne() throws Exception {
    for (String planted : new String[] {"attacker-chosen", "nonce.signature", ".", "x."}) {
      Browser browser = new Browser(app.base());
      var response =
          browser.post(
              "/user/login/",
              Map.of(
                  "email",
                  "lead@example.com",
                  "password",
                  TestServer.PASSWORD,
                  "csrf_token",
                  planted),
              "Cookie",
              "sl_csrf=" + planted);
      assertThat(response.statusCode()).as(planted).isEqualTo(403);
      assertThat(browser.cookie("sl_session")).isEmpty();
    }
    Browser browser = new Browser(app.base());
    var page = browser.get("/user/login/", "Cookie", "sl_csrf=attacker-chosen");
    String genuine = browser.cookie("sl_csrf").orElseThrow();
    assertThat(genuine).as("the page sets a cookie of its own").isNotEqualTo("attacker-chosen");
    assertThat(page.body()).contains("value=\"" + genuine + "\"");
  }

  @Test
  void aFormStillPostsAfterTheServerRestartsBecauseTheSecretIsInTheDatabase() throws Exception {
    Browser browser = new Browser(app.base());
    String csrf = browser.csrfFrom("/user/login/");
    app.close();
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    var loggedIn =
        new Browser(app.base())
            .post(
                "/user/login/",
                Map.of(
                    "email",
                    "lead@example.com",
                    "password",
                    TestServer.PASSWORD,
                    "csrf_token",
                    csrf),
                "Cookie",
                "sl_csrf=" + browser.cookie("sl_csrf").orElseThrow());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
  }
}
