package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3 sign-up and §5 invitations: open mode, restricted mode, and Reset Link. */
class SignupPagesIT {
  @TempDir Path tmp;
  TestServer app;

  @AfterEach
  void stop() {
    app.close();
  }

  private Browser open(Optional<Boolean> requiresLink) {
    app = new TestServer(tmp.resolve("data"), requiresLink);
    app.account("lead@example.com");
    return new Browser(app.base());
  }

  private HttpResponse<String> signUp(Browser browser, String query, String email, String password)
      throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    return browser.post(
        "/user/signup/" + query, Map.of("email", email, "password", password, "csrf_token", csrf));
  }

  private static String tokenQuery(String token) {
    return "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @Test
  void openSignupCreatesTheAccountSignsInAndRedirects() throws Exception {
    Browser browser = open(Optional.empty());
    var form = browser.get("/user/signup/");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Create Account", "autocomplete=\"new-password\"", "name=\"email\"");

    var response =
        signUp(browser, "?next=%2F", "New.Person@Example.com", "a perfectly fine passphrase");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/");
    assertThat(browser.get("/").body()).contains("Welcome, new.person@example.com");
    assertThat(app.services.people().findByEmail("new.person@example.com")).isPresent();
  }

  @Test
  void validationErrorsReRenderTheFormWithTheEmailKept() throws Exception {
    Browser browser = open(Optional.empty());
    var weak = signUp(browser, "", "ada@example.com", "short");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body())
        .contains(
            "Please enter a password 8–128 characters in length.", "value=\"ada@example.com\"");

    var taken = signUp(browser, "", "LEAD@example.com", "a perfectly fine passphrase");
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("User with this email already exists");

    var invalid = signUp(browser, "", "not an email", "a perfectly fine passphrase");
    assertThat(invalid.body()).contains("Enter a valid email address.");
    assertThat(app.services.people().count()).isEqualTo(1);
  }

  @Test
  void restrictedModeRefusesSignupWithoutAValidLink() throws Exception {
    Browser browser = open(Optional.of(true));
    var page = browser.get("/user/signup/");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("only with an invitation link");

    assertThat(signUp(browser, "", "ada@example.com", "a perfectly fine passphrase").statusCode())
        .isEqualTo(403);
    assertThat(
            signUp(
                    browser,
                    tokenQuery("wrong-token"),
                    "ada@example.com",
                    "a perfectly fine passphrase")
                .statusCode())
        .isEqualTo(403);
    assertThat(app.services.people().count()).as("nothing created").isEqualTo(1);

    String token = app.services.invitations().currentToken();
    assertThat(browser.get("/user/signup/" + tokenQuery(token)).statusCode()).isEqualTo(200);
    var invited =
        signUp(browser, tokenQuery(token), "ada@example.com", "a perfectly fine passphrase");
    assertThat(invited.statusCode()).isEqualTo(302);
    assertThat(app.services.people().count()).isEqualTo(2);
  }

  @Test
  void resetLinkKillsTheOldLinkAtOnceEvenInOpenMode() throws Exception {
    Browser browser = open(Optional.of(false));
    String old = app.services.invitations().currentToken();
    User lead = app.services.people().findByEmail("lead@example.com").orElseThrow();
    app.services.invitations().resetLink(lead.id());
    var page = browser.get("/user/signup/" + tokenQuery(old));
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("no longer valid");
    assertThat(
            signUp(browser, tokenQuery(old), "ada@example.com", "a perfectly fine passphrase")
                .statusCode())
        .isEqualTo(403);
    assertThat(app.services.people().count()).isEqualTo(1);
    assertThat(signUp(browser, "", "ada@example.com", "a perfectly fine passphrase").statusCode())
        .as("open mode: no token is fine")
        .isEqualTo(302);
  }

  @Test
  void theConsoleSwitchDecidesWhenTheEnvironmentVariableIsUnset() throws Exception {
    Browser browser = open(Optional.empty());
    app.services.invitations().setOpenSignupAllowed(false);
    assertThat(browser.get("/user/signup/").statusCode()).isEqualTo(403);
    app.services.invitations().setOpenSignupAllowed(true);
    assertThat(browser.get("/user/signup/").statusCode()).isEqualTo(200);
  }

  @Test
  void signupWithoutCsrfTokenCreatesNothing() throws Exception {
    Browser browser = open(Optional.empty());
    var response =
        browser.post(
            "/user/signup/",
            Map.of("email", "ada@example.com", "password", "a perfectly fine passphrase"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(app.services.people().count()).isEqualTo(1);
  }

  @Test
  void guessingInvitationTokensIsThrottled() throws Exception {
    Browser browser = open(Optional.of(true));
    int status = 0;
    for (int i = 0; i < 6 && status != 429; i++) {
      status = browser.get("/user/signup/" + tokenQuery("guess-" + i)).statusCode();
    }
    assertThat(status).isEqualTo(429);
    String token = app.services.invitations().currentToken();
    var evenTheRightOne = browser.get("/user/signup/" + tokenQuery(token));
    assertThat(evenTheRightOne.statusCode()).isEqualTo(429);
    assertThat(evenTheRightOne.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void userDataIsEscapedInPages() throws Exception {
    Browser browser = open(Optional.empty());
    var response = signUp(browser, "", "\"><script>alert(1)</script>@x.org", "short");
    assertThat(response.body())
        .doesNotContain("<script>alert(1)</script>")
        .as("the quote cannot close the attribute")
        .contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>@x.org\"");
  }
}
