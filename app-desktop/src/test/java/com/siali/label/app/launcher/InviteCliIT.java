package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.NewAccount;
import com.siali.label.service.PersonalInvitations;
import com.siali.label.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 item 2, {@code label-studio invite} as separate processes: links printed one per line,
 * each refused address one line on stderr with a non-zero exit, {@code --list}, {@code --revoke};
 * against the database directly and through a running instance.
 */
class InviteCliIT {
  private static final String OWNER = "lead@example.com";
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern LINE =
      Pattern.compile("^(\\S+) (http://\\S+/user/signup/\\?invite=(\\S+)) expires (\\S+Z)$");

  @TempDir Path tmp;
  Path data;
  Map<String, String> environment;
  final List<CliProcess> started = new ArrayList<>();

  @BeforeEach
  void database() {
    data = tmp.resolve("data");
    environment = TestDatabases.environment(data);
  }

  @AfterEach
  void stop() {
    started.stream().filter(CliProcess::isAlive).forEach(CliProcess::kill);
  }

  private CliProcess.Finished run(String... args) throws Exception {
    return CliProcess.run(data, environment, "", args);
  }

  @Test
  void invitesListsAndRevokesAgainstTheDatabase() throws Exception {
    try (Installation installation = Installation.open(data, TestDatabases.target(data))) {
      installation.services().accounts().create(NewAccount.of(OWNER, PASSWORD));
    }

    var made =
        run(
            "invite",
            "--email",
            "ada@example.com",
            "--email",
            "not an address",
            "--email",
            OWNER,
            "--email",
            "grace@example.com",
            "--expires-in-days",
            "3");
    assertThat(made.exitCode()).as("an address was refused").isEqualTo(1);
    List<String> lines = made.out().lines().toList();
    assertThat(lines).hasSize(2);
    Matcher ada = LINE.matcher(lines.get(0));
    assertThat(ada.matches()).as(lines.get(0)).isTrue();
    assertThat(ada.group(1)).isEqualTo("ada@example.com");
    assertThat(lines.get(1)).startsWith("grace@example.com http://");
    assertThat(made.err().lines().toList())
        .containsExactly(
            "label-studio: not an address: Enter a valid email address.",
            "label-studio: lead@example.com: lead@example.com already has an account.");

    var list = run("invite", "--list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines().toList()).hasSize(3);
    assertThat(list.out().lines().findFirst().orElseThrow())
        .startsWith("ID")
        .contains("EMAIL", "INVITED_BY", "CREATED", "EXPIRES", "STATUS");
    String adaRow =
        list.out().lines().filter(l -> l.contains("ada@example.com")).findFirst().orElseThrow();
    assertThat(adaRow).contains(OWNER).endsWith("pending");
    String id = adaRow.split(" ")[0];

    var revoked = run("invite", "--revoke", id);
    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("ada@example.com", "revoked", "no longer works");
    try (Installation installation = Installation.open(data, TestDatabases.target(data))) {
      assertThat(installation.services().personalInvitations().check(ada.group(3)).verdict())
          .isEqualTo(PersonalInvitations.Verdict.REVOKED);
    }

    var unknown = run("invite", "--revoke", "999999");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().lines().toList())
        .containsExactly("label-studio: There is no invitation with id 999999.");
  }

  @Test
  void usageMistakesAreOneLineAndExitTwo() throws Exception {
    for (String[] args :
        new String[][] {
          {"invite"},
          {"invite", "--email", "a@example.com", "--expires-in-days", "31"},
          {"invite", "--list", "--revoke", "1"},
          {"invite", "--revoke", "x"}
        }) {
      var result = run(args);
      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.err().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(result.err()).startsWith("label-studio: ").doesNotContain("\tat ");
    }
  }

  @Test
  void aRunningInstanceMakesTheLinkOnItsOwnAddressAndItSignsUp() throws Exception {
    CliProcess server = CliProcess.launchHeadless(data, environment, OWNER, PASSWORD);
    started.add(server);
    String base = server.awaitRunningAddress(90);

    var made = run("invite", "--email", "ada@example.com");
    assertThat(made.exitCode()).as(made.err()).isZero();
    Matcher line = LINE.matcher(made.out().strip());
    assertThat(line.matches()).as(made.out()).isTrue();
    if (!TestDatabases.postgres()) {
      // On H2 the command runs inside the instance (its socket), which knows its address; on
      // PostgreSQL it opens the shared database itself and names the default port.
      assertThat(line.group(2)).startsWith(base + "/user/signup/?invite=");
    }

    URI link = URI.create(line.group(2));
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + link.getRawPath() + "?" + link.getRawQuery()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("value=\"ada@example.com\"", "readonly");

    var list = run("invite", "--list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("ada@example.com").contains("pending");
  }
}
