package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 item 1: the owner administers people from the web pages (deactivate / activate, sign
 * out everywhere, delete after a confirmation, a one-time password-reset link); a member gets 403;
 * every form needs its CSRF token.
 */
class PeopleAdminPagesIT extends TwoAccountServer {
  private static final Pattern RESET_LINK =
      Pattern.compile("id=\"reset-link\" type=\"text\" readonly value=\"https?://[^/]+(/[^\"]+)\"");

  private Browser leadLoggedIn() throws Exception {
    Browser browser = new Browser(app.base());
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    return browser;
  }

  private String personPage() {
    return "/people/" + collab.id() + "/";
  }

  @Test
  void theOwnerDeactivatesAndActivatesAndTheSessionAndTokenAreRefusedAtOnce() throws Exception {
    Browser owner = leadLoggedIn();
    Browser member = collabLoggedIn();
    String page = owner.get(personPage()).body();
    assertThat(page).contains("action=\"/people/" + collab.id() + "/deactivate\"");
    String csrf = owner.csrfFrom(personPage());

    assertThat(owner.post("/people/" + collab.id() + "/deactivate", Map.of()).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(app.services.people().get(collab.id()).active()).isTrue();

    var off = owner.post("/people/" + collab.id() + "/deactivate", Map.of("csrf_token", csrf));
    assertThat(off.statusCode()).isEqualTo(302);
    assertThat(off.headers().firstValue("Location")).contains(personPage() + "?done=deactivated");
    assertThat(owner.get(personPage() + "?done=deactivated").body())
        .contains("was deactivated and signed out everywhere.")
        .contains("action=\"/people/" + collab.id() + "/activate\"");
    assertThat(member.get("/").statusCode()).as("session refused at once").isEqualTo(302);
    assertThat(client.get("/api/current-user/whoami", as(collab)).statusCode()).isEqualTo(401);
    assertThat(owner.get("/people/").body())
        .contains("<span class=\"badge deactivated\">deactivated</span>");

    var on = owner.post("/people/" + collab.id() + "/activate", Map.of("csrf_token", csrf));
    assertThat(on.statusCode()).isEqualTo(302);
    assertThat(app.services.people().get(collab.id()).active()).isTrue();
    assertThat(client.get("/api/current-user/whoami", as(collab)).statusCode()).isEqualTo(200);
  }

  @Test
  void signOutEverywhereEndsThePersonsSessions() throws Exception {
    Browser owner = leadLoggedIn();
    Browser member = collabLoggedIn();
    String csrf = owner.csrfFrom(personPage());
    var out = owner.post("/people/" + collab.id() + "/sign-out", Map.of("csrf_token", csrf));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(member.get("/").statusCode()).isEqualTo(302);
    assertThat(owner.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void deleteAsksOnAPageNamingThePersonFirst() throws Exception {
    app.services.accounts().updateProfile(collab.id(), new ProfileUpdate("Cleo", "Collab", ""));
    Browser owner = leadLoggedIn();
    var confirm = owner.get("/people/" + collab.id() + "/delete/");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("Delete the account of Cleo Collab?")
        .contains("collab@example.com");
    assertThat(app.services.people().find(collab.id())).isPresent();
    String csrf = owner.csrfFrom("/people/" + collab.id() + "/delete/");
    assertThat(owner.post("/people/" + collab.id() + "/delete", Map.of()).statusCode())
        .isEqualTo(403);
    var deleted = owner.post("/people/" + collab.id() + "/delete", Map.of("csrf_token", csrf));
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(app.services.people().find(collab.id())).isEmpty();
    assertThat(owner.get(deleted.headers().firstValue("Location").orElseThrow()).body())
        .contains("The account of Cleo Collab was deleted.");
    assertThat(owner.get("/people/" + lead.id() + "/delete/").statusCode())
        .as("the owner account cannot be deleted")
        .isEqualTo(403);
  }

  @Test
  void aMemberGets403OnEveryAdministrationRoute() throws Exception {
    Browser member = collabLoggedIn();
    var other = app.account("third@example.com");
    String base = "/people/" + other.id();
    assertThat(member.get(base + "/").body())
        .doesNotContain("/deactivate\"")
        .doesNotContain("Delete…");
    String csrf = member.csrfFrom("/people/");
    for (String action :
        new String[] {"deactivate", "activate", "sign-out", "delete", "reset-password"}) {
      assertThat(member.post(base + "/" + action, Map.of("csrf_token", csrf)).statusCode())
          .as(action)
          .isEqualTo(403);
    }
    assertThat(member.get(base + "/delete/").statusCode()).isEqualTo(403);
    assertThat(member.get("/people/export.csv").statusCode()).isEqualTo(403);
    assertThat(member.get("/people/").body()).doesNotContain("Export CSV");
    assertThat(app.services.people().get(other.id()).active()).isTrue();
  }

  @Test
  void aResetLinkIsShownOnceAndSetsANewPasswordOnce() throws Exception {
    Browser owner = leadLoggedIn();
    Browser oldSession = collabLoggedIn();
    String csrf = owner.csrfFrom(personPage());
    HttpResponse<String> made =
        owner.post("/people/" + collab.id() + "/reset-password", Map.of("csrf_token", csrf));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(made.body()).contains("data-copy=\"reset-link\"").contains("<svg class=\"qr\"");
    Matcher m = RESET_LINK.matcher(made.body());
    assertThat(m.find()).isTrue();
    String path = m.group(1);
    assertThat(path).startsWith("/user/reset-password/");

    Browser visitor = new Browser(app.base());
    var form = visitor.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("collab@example.com").contains("Choose a new password");
    assertThat(visitor.post(path, Map.of("password", "a brand new secret")).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    String visitorCsrf = visitor.csrfFrom(path);
    var weak = visitor.post(path, Map.of("csrf_token", visitorCsrf, "password", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("8–128 characters");

    var set =
        visitor.post(path, Map.of("csrf_token", visitorCsrf, "password", "a brand new secret"));
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("Your password was changed");
    assertThat(oldSession.get("/").statusCode()).as("old sessions end").isEqualTo(302);
    assertThat(
            new Browser(app.base()).logIn("collab@example.com", "a brand new secret").statusCode())
        .isEqualTo(302);
    assertThat(app.services.sessions().countOf(collab.id())).isEqualTo(1);

    var again =
        visitor.post(path, Map.of("csrf_token", visitorCsrf, "password", "yet another secret"));
    assertThat(again.statusCode()).as("single use").isEqualTo(404);
    assertThat(again.body()).contains("expired or was already used");
    assertThat(visitor.get(path).statusCode()).isEqualTo(404);
    assertThat(visitor.get("/user/reset-password/not-a-link/").statusCode()).isEqualTo(404);
  }
}
