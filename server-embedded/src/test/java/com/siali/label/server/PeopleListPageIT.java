package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 item 4: the People page sorts by its column headers, filters all / active /
 * deactivated, gives the exact time of "5 minutes ago", and lets the owner export CSV (formula
 * cells neutralised) — all with plain links, no JavaScript.
 */
class PeopleListPageIT extends TwoAccountServer {

  private static int[] positions(String body, String... texts) {
    int[] at = new int[texts.length];
    for (int i = 0; i < texts.length; i++) {
      at[i] = body.indexOf(texts[i]);
      assertThat(at[i]).as(texts[i]).isNotNegative();
    }
    return at;
  }

  @Test
  void columnsSortAndTheFilterShowsActiveOrDeactivated() throws Exception {
    User third = app.account("zed@example.com");
    app.services.administration().setActive(lead.id(), third.id(), false);
    Browser browser = new Browser(app.base());
    browser.logIn("lead@example.com", TestServer.PASSWORD);

    String byName = browser.get("/people/").body();
    assertThat(byName)
        .contains("href=\"/people/?sort=-name\"")
        .contains("aria-sort=\"ascending\"")
        .contains("href=\"/people/?sort=last_activity\"")
        .contains("href=\"/people/?sort=date_joined\"");
    int[] asc = positions(byName, ">collab<", ">lead<", ">zed<");
    assertThat(asc[0]).isLessThan(asc[1]);
    assertThat(asc[1]).isLessThan(asc[2]);

    String joinedDesc = browser.get("/people/?sort=-date_joined").body();
    assertThat(joinedDesc).contains("aria-sort=\"descending\"").contains("Joined ↓");
    int[] desc = positions(joinedDesc, ">zed<", ">collab<", ">lead<");
    assertThat(desc[0]).isLessThan(desc[1]);
    assertThat(desc[1]).isLessThan(desc[2]);

    String deactivated = browser.get("/people/?status=deactivated").body();
    assertThat(deactivated)
        .contains(">zed<")
        .doesNotContain(">collab<")
        .contains("aria-current=\"page\">Deactivated");
    String active = browser.get("/people/?status=active&sort=-name").body();
    assertThat(active).doesNotContain(">zed<").contains(">collab<");
    assertThat(active)
        .as("the filter keeps the order")
        .contains("href=\"/people/?sort=-name&amp;status=deactivated\"");
  }

  @Test
  void relativeTimesCarryTheExactTime() throws Exception {
    Browser browser = collabLoggedIn();
    String body = browser.get("/people/").body();
    assertThat(body)
        .containsPattern(
            "<time datetime=\"20[0-9-]+T[0-9:.]+Z\" title=\"20[0-9-]+ [0-9:]{8} UTC\">");
  }

  @Test
  void theOwnerExportsCsvWithFormulaCellsNeutralised() throws Exception {
    app.services
        .accounts()
        .updateProfile(collab.id(), new ProfileUpdate("=HYPERLINK(\"x\")", "+1", ""));
    User third = app.account("third@example.com");
    app.services
        .accounts()
        .updateProfile(third.id(), new ProfileUpdate("@Ada", "Lovelace, Jr", ""));
    app.services.administration().setActive(lead.id(), third.id(), false);
    Browser browser = new Browser(app.base());
    browser.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(browser.get("/people/").body()).contains("href=\"/people/export.csv\"");

    var csv = browser.get("/people/export.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("people.csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("email,name,joined,last_activity,active");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .startsWith("collab@example.com,\"'=HYPERLINK(\"\"x\"\") +1\",")
        .endsWith(",true");
    assertThat(lines.get(3))
        .startsWith("third@example.com,\"'@Ada Lovelace, Jr\",")
        .endsWith(",false");
    assertThat(csv.body()).contains("\r\n");

    List<String> onlyDeactivated =
        browser.get("/people/export.csv?status=deactivated").body().lines().toList();
    assertThat(onlyDeactivated).hasSize(2);
    assertThat(onlyDeactivated.get(1)).startsWith("third@example.com,");
  }
}
