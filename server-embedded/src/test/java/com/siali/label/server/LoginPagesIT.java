package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3 log-in, log-out and home, against the real server; SECURITY.md rules for sessions and
 * redirects.
 */
class LoginPagesIT {
  @TempDir Path tmp;
  TestServer app;
  Browser browser;
  User owner;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    owner = app.account("lead@example.com");
    browser = new Browser(app.base());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void loginFormHasTheFieldNamesAndAutocompleteValuesScriptsRelyOn() throws Exception {
    var page = browser.get("/user/login/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "name=\"email\"",
            "autocomplete=\"email\"",
            "name=\"password\"",
            "autocomplete=\"current-password\"",
            "Keep me logged in",
            "name=\"csrf_token\"");
    assertThat(page.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("sl_csrf=")
                    .contains("HttpOnly", "SameSite=Lax", "Path=/"));
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(browser.get("/user/login").statusCode())
        .as("without the trailing slash")
        .isEqualTo(200);
  }

  @Test
  void successfulLoginSetsAFreshHttpOnlySessionCookieAndRedirects() throws Exception {
    var response = browser.logIn("Lead@Example.com", TestServer.PASSWORD);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/");
    String setCookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("sl_session="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie)
        .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=1209600")
        .doesNotContain("Secure");
    String first = browser.cookie("sl_session").orElseThrow();

    var home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Welcome, lead@example.com");

    String csrf =
        browser.csrfFrom(
            "/"); // signed in, the log-in page redirects; the session's token is on every page
    browser.post(
        "/user/login/",
        Map.of(
            "email",
            "lead@example.com",
            "password",
            TestServer.PASSWORD,
            "csrf_token",
            csrf,
            "persist_session",
            "on"));
    assertThat(browser.cookie("sl_session").orElseThrow())
        .as("a new id at every log-in")
        .isNotEqualTo(first);
    assertThat(app.services.sessions().find(first)).as("the old session ended").isEmpty();
  }

  @Test
  void signedInVisitorsAreSentOnFromTheLoginPage() throws Exception {
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    var page = browser.get("/user/login/?next=%2Fpeople%2F");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).contains("/people/");
  }

  @Test
  void withoutKeepMeLoggedInTheCookieEndsWithTheBrowser() throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    var response =
        browser.post(
            "/user/login/",
            Map.of(
                "email",
                "lead@example.com",
                "password",
                TestServer.PASSWORD,
                "csrf_token",
                csrf)); // an unchecked box is not sent at all
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("sl_session=").doesNotContain("Max-Age"));
  }

  @Test
  void oneMessageForUnknownEmailWrongPasswordAndDeactivatedAccount() throws Exception {
    User collab = app.account("collab@example.com");
    app.services.administration().setActive(owner.id(), collab.id(), false);
    for (String[] attempt :
        new String[][] {
          {"nobody@example.com", TestServer.PASSWORD},
          {"lead@example.com", "not the password"},
          {"collab@example.com", TestServer.PASSWORD}
        }) {
      var response = browser.logIn(attempt[0], attempt[1]);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body())
          .contains("The email and password you entered don't match.")
          .contains("value=\"" + attempt[0] + "\"");
      assertThat(browser.cookie("sl_session")).isEmpty();
    }
  }

  @Test
  void unknownEmailsTakeAsLongAsWrongPasswordsSoTimingRevealsNoAccounts() throws Exception {
    // Without the dummy Argon2 verification an unknown email answers in ~1 ms and a wrong password
    // in ~25 ms.
    // Four samples each stay under the throttle's free allowance (a 429 skips Argon2 and would skew
    // the times).
    long unknown = medianFailureNanos("nobody-%d@example.com");
    long known = medianFailureNanos("lead@example.com");
    assertThat((double) unknown / known).isBetween(0.33, 3.0);
  }

  private long medianFailureNanos(String emailPattern) throws Exception {
    long[] nanos = new long[4];
    for (int i = 0; i < nanos.length; i++) {
      var client = new Browser(app.base());
      String csrf = client.csrfFrom("/user/login/");
      var form =
          Map.of(
              "email",
              String.format(emailPattern, i),
              "password",
              "wrong password",
              "csrf_token",
              csrf);
      long start = System.nanoTime();
      assertThat(client.post("/user/login/", form, "X-Test", "timing").statusCode()).isEqualTo(400);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[nanos.length / 2];
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefused() throws Exception {
    browser.get("/user/login/");
    var response =
        browser.post(
            "/user/login/", Map.of("email", "lead@example.com", "password", TestServer.PASSWORD));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(browser.cookie("sl_session")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "http:/evil",
        "javascript:alert(1)",
        "/\r\nLocation: http://evil.example",
        "/\t/evil.example"
      })
  void nextNeverLeavesTheSite(String next) throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    var response =
        browser.post(
            "/user/login/?next=" + URLEncoder.encode(next, "UTF-8"),
            Map.of(
                "email", "lead@example.com", "password", TestServer.PASSWORD, "csrf_token", csrf));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/");
  }

  @Test
  void localNextIsHonoured() throws Exception {
    String csrf = browser.csrfFrom("/user/login/?next=/api/current-user/whoami");
    var response =
        browser.post(
            "/user/login/?next=%2Fapi%2Fcurrent-user%2Fwhoami",
            Map.of(
                "email", "lead@example.com", "password", TestServer.PASSWORD, "csrf_token", csrf));
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/current-user/whoami");
  }

  @Test
  void homeSendsAnonymousVisitorsToLogin() throws Exception {
    var response = browser.get("/");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith("/user/login/?next=%2F");
  }

  @Test
  void logoutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    String session = browser.cookie("sl_session").orElseThrow();
    assertThat(browser.post("/user/logout/", Map.of()).statusCode()).isEqualTo(403);
    assertThat(app.services.sessions().find(session)).isPresent();

    String csrf = browser.csrfFrom("/");
    var response = browser.post("/user/logout/", Map.of("csrf_token", csrf));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/user/login/");
    assertThat(app.services.sessions().find(session)).isEmpty();
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void passwordChangeEndsWebSessions() throws Exception {
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    app.services.accounts().setPassword(owner.id(), "a brand new passphrase");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void sessionsSurviveARestartOfTheServer() throws Exception {
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    String session = browser.cookie("sl_session").orElseThrow();
    app.close();
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    var again = new Browser(app.base());
    var home = again.get("/", "Cookie", "sl_session=" + session);
    assertThat(home.statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedFailuresAreRefusedWith429AndRetryAfterEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < 7; i++) {
      browser.logIn("lead@example.com", "wrong password " + i, "X-Forwarded-For", "10.9.9." + i);
    }
    var blocked = browser.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(blocked.body()).contains("Too many failed log-in attempts");
    assertThat(browser.cookie("sl_session")).isEmpty();

    var otherAccount =
        new Browser(app.base())
            .logIn(app.account("collab@example.com").email().value(), TestServer.PASSWORD);
    assertThat(otherAccount.statusCode())
        .as("other accounts from this address still log in")
        .isEqualTo(302);
  }

  @Test
  void foreignHostAndForeignOriginAreRefused() throws Exception {
    var rebinding = browser.get("/user/login/", "Host", "attacker.example");
    assertThat(rebinding.statusCode()).isEqualTo(400);
    String csrf = browser.csrfFrom("/user/login/");
    var crossSite =
        browser.post(
            "/user/login/",
            Map.of(
                "email", "lead@example.com", "password", TestServer.PASSWORD, "csrf_token", csrf),
            "Origin",
            "http://attacker.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(browser.cookie("sl_session")).isEmpty();
  }

  @Test
  void originNullAsBrowsersSendItUnderNoReferrerIsJudgedByTheCsrfToken() throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    var withToken =
        browser.post(
            "/user/login/",
            Map.of(
                "email", "lead@example.com", "password", TestServer.PASSWORD, "csrf_token", csrf),
            "Origin",
            "null");
    assertThat(withToken.statusCode()).isEqualTo(302);
    var fresh = new Browser(app.base());
    fresh.get("/user/login/");
    var withoutToken =
        fresh.post(
            "/user/login/",
            Map.of("email", "lead@example.com", "password", TestServer.PASSWORD),
            "Origin",
            "null");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
  }

  @Test
  void unknownPagesAndWrongMethods() throws Exception {
    var missing = browser.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
    var wrongMethod = browser.send("DELETE", "/user/login/", null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(browser.get("/health").body()).isEqualTo("{\"status\": \"UP\"}");
  }
}
