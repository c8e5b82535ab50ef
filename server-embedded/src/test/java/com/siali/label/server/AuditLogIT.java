package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.NewAccount;
import com.siali.label.service.InvitationService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 items 4–5 over HTTP, on both backends: every account event the pages and the API cause
 * is recorded once, with the acting account and the client's address; only the owner reads the log
 * (page and {@code GET /api/audit}); the exports parse back; nothing secret is in any event.
 */
class AuditLogIT extends TwoAccountServer {
  private static final String NEW_PASSWORD = "a brand new secret 42";
  private static final String LOOPBACK = "127.0.0.1";

  private List<AuditEntry> events() {
    return app.services.audit().page(lead.id(), AuditQuery.all().limit(500)).entries();
  }

  private List<AuditEntry> eventsOf(AuditAction action) {
    return events().stream().filter(e -> e.action() == action).toList();
  }

  private AuditEntry onlyOne(AuditAction action) {
    List<AuditEntry> found = eventsOf(action);
    assertThat(found).as(action.label()).hasSize(1);
    return found.getFirst();
  }

  /** The setup's own accounts were created by the test itself (channel "system"). */
  private AuditEntry onlyOneBy(AuditAction action, String channel) {
    List<AuditEntry> found =
        eventsOf(action).stream().filter(e -> e.channel().equals(channel)).toList();
    assertThat(found).as(action.label()).hasSize(1);
    return found.getFirst();
  }

  private Browser leadLoggedIn() throws Exception {
    Browser browser = new Browser(app.base());
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    return browser;
  }

  @Test
  void aMembersOwnEventsAreRecordedOnceWithTheirAccountAndAddress() throws Exception {
    Browser visitor = new Browser(app.base());
    String token = app.services.invitations().currentToken();
    String csrf = visitor.csrfFrom("/user/login/");
    var signedUp =
        visitor.post(
            "/user/signup/?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            Map.of(
                "email", "ada@example.com", "password", TestServer.PASSWORD, "csrf_token", csrf));
    assertThat(signedUp.statusCode()).isEqualTo(302);
    AuditEntry signup = onlyOneBy(AuditAction.SIGNED_UP, "web");
    assertThat(signup.subject()).isEqualTo("ada@example.com");
    assertThat(signup.actor()).isEqualTo("ada@example.com");
    assertThat(signup.clientAddress()).isEqualTo(LOOPBACK);
    assertThat(signup.channel()).isEqualTo("web");
    assertThat(signup.details()).contains("invitation: shared link");
    long ada = signup.subjectId().orElseThrow();

    Browser browser = new Browser(app.base());
    assertThat(browser.logIn("ada@example.com", "not the password").statusCode()).isEqualTo(400);
    AuditEntry failed = onlyOne(AuditAction.LOGIN_FAILED);
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.subjectId()).contains(ada);
    assertThat(failed.actor()).isEqualTo("visitor");
    assertThat(failed.clientAddress()).isEqualTo(LOOPBACK);

    assertThat(browser.logIn("ada@example.com", TestServer.PASSWORD).statusCode()).isEqualTo(302);
    assertThat(onlyOne(AuditAction.LOGGED_IN).actorId()).contains(ada);

    String accountCsrf = browser.csrfFrom("/user/account/");
    browser.post(
        "/user/account/",
        Map.of(
            "action",
            "profile",
            "first_name",
            "Ada",
            "last_name",
            "",
            "phone",
            "",
            "csrf_token",
            accountCsrf));
    assertThat(onlyOne(AuditAction.PROFILE_CHANGED).details()).isEqualTo("changed: first_name");
    browser.upload(
        "/user/account/",
        Map.of("action", "avatar", "csrf_token", accountCsrf),
        "avatar",
        Pictures.png(64, 64));
    assertThat(onlyOne(AuditAction.PICTURE_CHANGED).details()).isEqualTo("picture set");
    browser.post("/user/account/", Map.of("action", "reset_token", "csrf_token", accountCsrf));
    assertThat(onlyOne(AuditAction.TOKEN_RESET).actorId()).contains(ada);
    browser.post(
        "/user/account/",
        Map.of(
            "action",
            "password",
            "current_password",
            TestServer.PASSWORD,
            "password",
            NEW_PASSWORD,
            "csrf_token",
            accountCsrf));
    AuditEntry password = onlyOne(AuditAction.PASSWORD_CHANGED);
    assertThat(password.details()).startsWith("by: self, with the current password");
    assertThat(password.actorId()).contains(ada);

    String fresh = browser.csrfFrom("/user/account/");
    assertThat(browser.post("/user/logout/", Map.of("csrf_token", fresh)).statusCode())
        .isEqualTo(302);
    AuditEntry logout = onlyOne(AuditAction.LOGGED_OUT);
    assertThat(logout.actorId()).contains(ada);
    assertThat(logout.clientAddress()).isEqualTo(LOOPBACK);
    assertThat(events()).allSatisfy(e -> assertThat(e.clientAddress()).isIn(LOOPBACK, ""));
  }

  @Test
  void theOwnersActionsOnOthersNameTheOwnerAsActor() throws Exception {
    Browser owner = leadLoggedIn();
    String person = "/people/" + collab.id();
    String csrf = owner.csrfFrom(person + "/");
    owner.post(person + "/sign-out", Map.of("csrf_token", csrf));
    owner.post(person + "/deactivate", Map.of("csrf_token", csrf));
    owner.post(person + "/activate", Map.of("csrf_token", csrf));
    owner.post(person + "/reset-password", Map.of("csrf_token", csrf));
    owner.post("/people/invite/reset", Map.of("csrf_token", csrf));
    owner.post(person + "/delete", Map.of("csrf_token", csrf));
    for (AuditAction action :
        List.of(
            AuditAction.SESSIONS_ENDED,
            AuditAction.DEACTIVATED,
            AuditAction.ACTIVATED,
            AuditAction.PASSWORD_RESET_LINK_CREATED,
            AuditAction.DELETED)) {
      AuditEntry e = onlyOne(action);
      assertThat(e.actorId()).as(action.label()).contains(lead.id());
      assertThat(e.actor()).isEqualTo("lead@example.com");
      assertThat(e.subjectId()).contains(collab.id());
      assertThat(e.subject())
          .as("kept after the account is deleted")
          .isEqualTo("collab@example.com");
      assertThat(e.clientAddress()).isEqualTo(LOOPBACK);
    }
    AuditEntry link = onlyOne(AuditAction.SHARED_LINK_RESET);
    assertThat(link.actorId()).contains(lead.id());
    assertThat(link.subjectId()).isEmpty();
  }

  @Test
  void theApiRecordsItsChangesWithTheTokensAccount() throws Exception {
    client.send("POST", "/api/current-user/reset-token", null, as(collab));
    client.send("POST", "/api/invite/reset-token", null, as(lead));
    client.send(
        "PATCH", "/api/users/" + collab.id() + "/", "{\"first_name\": \"Col\"}", as(collab));
    client.send("PATCH", "/api/users/" + collab.id() + "/", "{\"is_active\": false}", as(lead));
    assertThat(onlyOne(AuditAction.TOKEN_RESET).actorId()).contains(collab.id());
    assertThat(onlyOne(AuditAction.SHARED_LINK_RESET).actorId()).contains(lead.id());
    assertThat(onlyOne(AuditAction.PROFILE_CHANGED).actorId()).contains(collab.id());
    AuditEntry off = onlyOne(AuditAction.DEACTIVATED);
    assertThat(off.actorId()).contains(lead.id());
    assertThat(off.clientAddress()).isEqualTo(LOOPBACK);
  }

  @Test
  void onlyTheOwnerReadsTheLog() throws Exception {
    assertThat(client.get("/api/audit", as(collab)).statusCode()).isEqualTo(403);
    assertThat(client.get("/api/audit?format=csv", as(collab)).statusCode()).isEqualTo(403);
    assertThat(client.get("/api/audit?from=garbage", as(collab)).statusCode())
        .as("a member hears 403 whatever the filters say")
        .isEqualTo(403);
    assertThat(client.get("/api/audit").statusCode()).isEqualTo(401);
    assertThat(collabLoggedIn().get("/audit/").statusCode()).isEqualTo(403);
    assertThat(client.get("/api/audit", as(lead)).statusCode()).isEqualTo(200);
    var page = leadLoggedIn().get("/audit/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("History", "collab@example.com", "Signed up");
  }

  @Test
  void badFiltersAreTheClientsFaultWithADetail() throws Exception {
    for (String query :
        List.of(
            "from=yesterday",
            "to=2026-13-01",
            "action=hacked",
            "person=ada",
            "limit=0",
            "format=xml",
            "before=abc",
            "from=2026-02-01&to=2026-01-01")) {
      var response = client.get("/api/audit?" + query, as(lead));
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("detail").asString()).as(query).isNotBlank();
    }
    var page = leadLoggedIn().get("/audit/?from=yesterday");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("is not a date");
  }

  @Test
  void theExportsParseBackToTheSameEvents() throws Exception {
    app.services
        .accounts()
        .create(NewAccount.of("=cmd|'/c_calc'!a0@example.com", TestServer.PASSWORD));
    new Browser(app.base()).logIn("collab@example.com", "wrong, \"quoted\"\nline");
    new Browser(app.base()).logIn("collab@example.com", TestServer.PASSWORD);
    List<AuditEntry> expected = events();

    var csv = client.get("/api/audit?format=csv", as(lead));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    List<List<String>> rows = Csv.parse(csv.body());
    assertThat(rows.getFirst())
        .containsExactly(
            "time",
            "actor_id",
            "actor",
            "action",
            "subject_id",
            "subject",
            "client_address",
            "channel",
            "outcome",
            "details");
    assertThat(rows).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      AuditEntry e = expected.get(i);
      List<String> row = rows.get(i + 1);
      assertThat(row.get(3)).isEqualTo(e.action().wireName());
      assertThat(row.get(5)).isEqualTo(neutralised(e.subject()));
      assertThat(row.get(8)).isEqualTo(e.outcome());
    }
    assertThat(csv.body()).contains("'=cmd|");

    var jsonl = client.get("/api/audit?format=jsonl", as(lead));
    assertThat(jsonl.headers().firstValue("Content-Type"))
        .contains("application/x-ndjson; charset=utf-8");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : jsonl.body().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      AuditEntry e = expected.get(i);
      JsonNode n = lines.get(i);
      assertThat(n.get("time").asString()).isEqualTo(e.time().toString());
      assertThat(n.get("action").asString()).isEqualTo(e.action().wireName());
      assertThat(n.get("subject").asString()).isEqualTo(e.subject());
      assertThat(n.get("actor").asString()).isEqualTo(e.actor());
      assertThat(n.get("client_address").asString()).isEqualTo(e.clientAddress());
      assertThat(n.get("details").asString()).isEqualTo(e.details());
    }

    var filtered = client.get("/api/audit?format=jsonl&action=login_failed", as(lead));
    assertThat(filtered.body().strip().split("\n")).hasSize(1);
    var page = JSON.readTree(client.get("/api/audit?limit=2", as(lead)).body());
    assertThat(page.get("results")).hasSize(2);
    String next = page.get("next").asString();
    var older = JSON.readTree(client.get("/api/audit?limit=2&before=" + next, as(lead)).body());
    assertThat(older.get("results").get(0).get("id").asLong())
        .isLessThan(page.get("results").get(1).get("id").asLong());
  }

  @Test
  void nothingSecretLandsInAnyEvent() throws Exception {
    Browser browser = new Browser(app.base());
    browser.logIn("collab@example.com", "my wrong secret guess");
    browser.logIn(TestServer.PASSWORD, TestServer.PASSWORD); // a password typed as the email
    browser.logIn("collab@example.com", TestServer.PASSWORD);
    String session = browser.cookie("sl_session").orElse("no-session-cookie");
    String csrf = browser.csrfFrom("/user/account/");
    browser.post(
        "/user/account/",
        Map.of(
            "action",
            "password",
            "current_password",
            TestServer.PASSWORD,
            "password",
            NEW_PASSWORD,
            "csrf_token",
            csrf));
    String oldToken = app.tokenOf(collab);
    client.send("POST", "/api/current-user/reset-token", null, as(collab));
    String newToken = app.tokenOf(collab);
    var link = app.services.passwordResets().issue(lead.id(), collab.id());
    app.services.passwordResets().use(link.token(), "yet another secret 7");
    String invite = app.services.invitations().resetLink(lead.id());

    String everything =
        client.get("/api/audit?format=csv", as(lead)).body()
            + client.get("/api/audit?format=jsonl", as(lead)).body()
            + client.get("/api/audit?limit=500", as(lead)).body();
    assertThat(everything)
        .doesNotContain(TestServer.PASSWORD, NEW_PASSWORD, "my wrong secret guess")
        .doesNotContain("yet another secret 7", link.token(), invite)
        .doesNotContain(InvitationService.signupPath(invite), oldToken, newToken, session)
        .doesNotContain("$argon2");
    assertThat(eventsOf(AuditAction.LOGIN_FAILED)).hasSize(2);
  }

  /** What the CSV makes of a cell a spreadsheet would run as a formula. */
  private static String neutralised(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** An RFC 4180 reader, only for reading our exports back. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          cell.append(c);
        }
      }
      return rows;
    }
  }
}
