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
    for (int i = 0; i < 8 && status != 429; i++) {
      status = browser.get("/user/signup/" + tokenQuery("guess-" + i)).statusCode();
    }
    assertThat(status).isEqualTo(429);
    String token = app.services.invitations().currentToken();
    var evenTheRightOne = browser.get("/user/signup/" + tokenQuery(token));
    assertThat(evenTheRightOne.statusCode()).isEqualTo(429);
    assertThat(evenTheRightOne.headers().firstValue("Retry-After")).isPresent();
    assertThat(evenTheRightOne.body())
        .as("the true reason, not a page about invitations")
        .contains("too many failed sign-up attempts")
        .doesNotContain("Sign-up is by invitation");
  }

  @Test
  void aClassroomOfThirtyBehindOneAddressAllGetThroughWithinTwoMinutes() throws Exception {
    Browser first = open(Optional.of(true));
    String link = tokenQuery(app.services.invitations().currentToken());
    long started = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      Browser student = i == 0 ? first : new Browser(app.base());
      assertThat(student.get("/user/signup/" + link).statusCode()).isEqualTo(200);
      if (i % 6 == 0) {
        var typo = signUp(student, link, "student" + i + "@example.com", "short");
        assertThat(typo.statusCode()).as("a few typos on the way").isEqualTo(400);
      }
      var response =
          signUp(student, link, "student" + i + "@example.com", "a perfectly fine passphrase");
      assertThat(response.statusCode()).as("student %d signs up", i).isEqualTo(302);
    }
    assertThat(System.nanoTime() - started).as("within two minutes").isLessThan(120_000_000_000L);
    assertThat(app.services.people().count()).isEqualTo(31);
  }

  @Test
  void tooManyFailuresAre429WithTheTrueReasonAndTheWaitEvenInOpenMode() throws Exception {
    Browser browser = open(Optional.of(false));
    HttpResponse<String> response = null;
    for (int i = 0; i < 40; i++) {
      response = signUp(browser, "", "not an email", "a perfectly fine passphrase");
      if (response.statusCode() == 429) {
        break;
      }
      assertThat(response.statusCode()).as("refused email").isEqualTo(400);
    }
    assertThat(response.statusCode()).isEqualTo(429);
    String retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
    assertThat(response.body())
        .contains("Please wait a moment", "too many failed sign-up attempts")
        .contains("Try again in " + retryAfter + " second")
        .doesNotContain("invitation");
  }

  @Test
  void anOldLinkOffersThePlainSignupPageWhenSignupIsOpen() throws Exception {
    Browser browser = open(Optional.of(false));
    String old = app.services.invitations().currentToken();
    User lead = app.services.people().findByEmail("lead@example.com").orElseThrow();
    app.services.invitations().resetLink(lead.id());
    var page = browser.get("/user/signup/" + tokenQuery(old) + "&next=%2Fpeople%2F");
    assertThat(page.body())
        .contains("This invitation link has expired", "you can create your account without it")
        .contains("href=\"/user/signup/?next=%2Fpeople%2F\"")
        .doesNotContain("Sign-up is by invitation");
    assertThat(browser.get("/user/signup/?next=%2Fpeople%2F").statusCode()).isEqualTo(200);
  }

  @Test
  void anOldLinkOnAnInvitationOnlyServerOffersNoDeadEndSignup() throws Exception {
    Browser browser = open(Optional.of(true));
    var page = browser.get("/user/signup/" + tokenQuery("an-old-token"));
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("This invitation link has expired", "Ask your team lead for the current one")
        .doesNotContain("href=\"/user/signup/");
  }

  @Test
  void theLoginPageOffersSignupOnlyWhenItIsOpen() throws Exception {
    Browser browser = open(Optional.empty());
    assertThat(browser.get("/user/login/").body())
        .contains("href=\"/user/signup/\"", "Create an account");
    app.services.invitations().setOpenSignupAllowed(false);
    assertThat(browser.get("/user/login/").body())
        .doesNotContain("/user/signup/")
        .doesNotContainIgnoringCase("create an account")
        .contains("sign-up on this server is by invitation");
  }

  @Test
  void theInvitationPageSaysWhoInvitedThemToWhichServer() throws Exception {
    Browser browser = open(Optional.of(false));
    User lead = app.services.people().findByEmail("lead@example.com").orElseThrow();
    app.services
        .accounts()
        .updateProfile(lead.id(), new com.siali.label.model.ProfileUpdate("Grace", "Hopper", ""));
    String token = app.services.invitations().currentToken();
    var invited = browser.get("/user/signup/" + tokenQuery(token));
    assertThat(invited.statusCode()).isEqualTo(200);
    assertThat(invited.body())
        .contains("You are invited", "Grace Hopper (lead@example.com)", "invited you")
        .contains("Join Siali Label on " + AllowedHosts.computerName())
        .contains(app.base().substring("http://".length()));
    var open = browser.get("/user/signup/");
    assertThat(open.body()).contains("Create your account").doesNotContain("invited");
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
