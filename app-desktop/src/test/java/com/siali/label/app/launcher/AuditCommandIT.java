package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.NewAccount;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code label-studio audit} (issue #17 item 5) against a real database, on both backends: the log
 * to stdout as CSV or JSON Lines, from a day on; the command line named as the actor of its own
 * {@code reset_password}; a bad date or format is one line on stderr and exit code 2.
 */
class AuditCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;
  String dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    dataDir = tmp.resolve("data").toString();
    cli = new CliRunner();
    TestDatabases.environment(Path.of(dataDir)).forEach(cli::env);
    try (Installation installation =
        Installation.open(Path.of(dataDir), TestDatabases.target(Path.of(dataDir)))) {
      installation
          .services()
          .accounts()
          .create(NewAccount.of("lead@example.com", "correct horse battery"));
    }
  }

  @Test
  void theLogIsPrintedAsJsonLinesWithTheCommandLineAsActor() {
    var reset =
        cli.run(
            "reset_password",
            "--username",
            "lead@example.com",
            "--password",
            "another good passphrase",
            "--data-dir",
            dataDir);
    assertThat(reset.exitCode()).as(reset.err()).isZero();

    var audit =
        cli.run("audit", "--format", "jsonl", "--since", "2020-01-01", "--data-dir", dataDir);
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    List<JsonNode> lines = audit.out().lines().map(JSON::readTree).toList();
    assertThat(lines)
        .extracting(n -> n.get("action").asString())
        .containsExactly("password_changed", "signed_up");
    JsonNode password = lines.getFirst();
    assertThat(password.get("actor").asString()).isEqualTo("command line");
    assertThat(password.get("channel").asString()).isEqualTo("command line");
    assertThat(password.get("subject").asString()).isEqualTo("lead@example.com");
    assertThat(audit.out()).doesNotContain("another good passphrase", "correct horse battery");
  }

  @Test
  void csvIsTheDefaultAndSinceLeavesOlderEventsOut() {
    var all = cli.run("audit", "--data-dir", dataDir);
    assertThat(all.exitCode()).isZero();
    assertThat(all.out().split("\r\n"))
        .hasSize(2)
        .startsWith(
            "time,actor_id,actor,action,subject_id,subject,client_address,channel,outcome,details");
    var none = cli.run("audit", "--since", "2999-01-01", "--data-dir", dataDir);
    assertThat(none.out().split("\r\n")).hasSize(1);
  }

  @Test
  void aBadDateOrFormatIsOneLineAndExitsTwo() {
    for (String[] args :
        List.of(
            new String[] {"audit", "--since", "last week", "--data-dir", dataDir},
            new String[] {"audit", "--format", "xml", "--data-dir", dataDir})) {
      var result = cli.run(args);
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err().lines()).hasSize(1);
      assertThat(result.err()).startsWith("label-studio: ").doesNotContain("\tat ");
      assertThat(result.out()).isEmpty();
    }
  }
}
