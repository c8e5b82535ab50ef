package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text and exit code of SPEC §2 that does not need a running instance, against a real
 * database.
 */
class CliIT {
  @TempDir Path tmp;
  String dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    dataDir = tmp.resolve("data").toString();
    cli = new CliRunner();
    // On the PostgreSQL run, the commands find this data directory's test database by variable.
    TestDatabases.environment(Path.of(dataDir)).forEach(cli::env);
  }

  private static Installation open(String dataDir) {
    return Installation.open(Path.of(dataDir), TestDatabases.target(Path.of(dataDir)));
  }

  private void seed(String email, String password, String token) {
    try (Installation installation = open(dataDir)) {
      var account = new NewAccount(EmailAddress.parse(email), password, Optional.ofNullable(token));
      installation.services().accounts().create(account);
    }
  }

  @Test
  void versionAndHelp() {
    var version = cli.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("Siali Label ");
    var help = cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("start", "user", "reset_password");
    for (String command : new String[] {"start", "user", "reset_password"}) {
      var sub = cli.run(command, "--help");
      assertThat(sub.exitCode()).isZero();
      assertThat(sub.out()).contains("Usage: label-studio " + command, "--data-dir");
    }
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    var unknown = cli.run("frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().lines()).hasSize(1);
    assertThat(unknown.err()).startsWith("label-studio: ");
    var missing = cli.run("user", "--data-dir", dataDir);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--username").doesNotContain("\tat ");
  }

  @Test
  void anUnknownDjangoDbIsOneLineNamingItAndExitsTwo() {
    var result =
        new CliRunner()
            .env("DJANGO_DB", "mysql")
            .run("user", "--username", "a@example.com", "--data-dir", dataDir);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith(
            "label-studio: DJANGO_DB=mysql is not supported: use 'default' or 'postgresql'");
  }

  @Test
  void anUnreachablePostgreSqlIsOneLineWithoutThePasswordAndExitsOne() {
    String[] url = {"--database-url", "postgresql://ann@127.0.0.1:1/labels", "--data-dir", dataDir};
    for (String[] command :
        new String[][] {
          {"user", "--username", "a@example.com"},
          {"reset_password", "--username", "a@example.com", "--password", "another good one"}
        }) {
      String[] args =
          java.util.stream.Stream.of(command, url)
              .flatMap(java.util.Arrays::stream)
              .toArray(String[]::new);
      var result = new CliRunner().env("POSTGRE_PASSWORD", "hunter2-secret").run(args);
      assertThat(result.exitCode()).as(command[0]).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "label-studio: Cannot connect to PostgreSQL at 127.0.0.1:1/labels: connection"
                  + " refused (is PostgreSQL running and listening on that address?)\n");
      assertThat(result.out() + result.err()).doesNotContain("hunter2");
    }
    var onTheCommandLine =
        new CliRunner()
            .run(
                "user",
                "--username",
                "a@example.com",
                "--database-url",
                "postgresql://ann:hunter2@127.0.0.1:1/labels",
                "--data-dir",
                dataDir);
    assertThat(onTheCommandLine.exitCode()).isEqualTo(2);
    assertThat(onTheCommandLine.err())
        .startsWith("label-studio: --database-url must not contain a password")
        .doesNotContain("hunter2");
  }

  @Test
  void userPrintsTwoLinesWithTheToken() {
    seed("admin@example.com", "correct horse battery", "abcdef123");
    var result = cli.run("user", "--username", "Admin@Example.com", "--data-dir", dataDir);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(2);
    assertThat(result.out().lines().findFirst()).contains("=> User info:");
    assertThat(result.out().lines().skip(1).findFirst().orElseThrow())
        .matches(
            "\\{'id': 1, 'first_name': '', 'last_name': '', 'username': 'admin', 'email': 'admin@example.com', "
                + "'last_activity': '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z', 'avatar': None, "
                + "'initials': 'ad', 'phone': '', 'active_organization': 1, 'token': 'abcdef123', 'status': 'ok'\\}");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void unknownUserIsTheErrorDictAndNonZero() {
    var result = cli.run("user", "--username", "ghost@example.com", "--data-dir", dataDir);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.out())
        .isEqualTo("{'status': 'error', 'message': \"user ghost@example.com doesn't exist\"}\n");
  }

  @Test
  void resetPasswordMessages() {
    seed("admin@example.com", "correct horse battery", null);
    var notFound =
        cli.run(
            "reset_password",
            "--username",
            "ghost@example.com",
            "--password",
            "whatever it is",
            "--data-dir",
            dataDir);
    assertThat(notFound.exitCode()).isNotZero();
    assertThat(notFound.err()).isEqualTo("User with username ghost@example.com not found\n");

    var empty =
        cli.run(
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "",
            "--data-dir",
            dataDir);
    assertThat(empty.exitCode()).isNotZero();
    assertThat(empty.err()).isEqualTo("Can not set empty password\n");

    var same =
        cli.run(
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "correct horse battery",
            "--data-dir",
            dataDir);
    assertThat(same.exitCode()).isNotZero();
    assertThat(same.err()).isEqualTo("Entered password is the same as current\n");

    var weak =
        cli.run(
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "short",
            "--data-dir",
            dataDir);
    assertThat(weak.exitCode()).isNotZero();
    assertThat(weak.err()).isEqualTo("Please enter a password 8–128 characters in length.\n");

    var common =
        cli.run(
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "password123",
            "--data-dir",
            dataDir);
    assertThat(common.exitCode()).isNotZero();
    assertThat(common.err()).contains("too common");

    var ok =
        cli.run(
            "reset_password",
            "--username",
            "admin@example.com",
            "--password",
            "another good passphrase",
            "--data-dir",
            dataDir);
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).isEqualTo("Password successfully changed\n");
    try (Installation installation = open(dataDir)) {
      assertThat(
              installation
                  .services()
                  .accounts()
                  .authenticate("admin@example.com", "another good passphrase"))
          .isNotNull();
    }
  }

  @Test
  void startRefusesAShortTokenAndCreatesNothing() {
    var result =
        cli.run(
            "start",
            "--headless",
            "--data-dir",
            dataDir,
            "--username",
            "admin@example.com",
            "--password",
            "correct horse battery",
            "--user-token",
            "abcd");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err())
        .isEqualTo("label-studio: The user token must be at least 5 characters long.\n");
    assertThat(Files.exists(Path.of(dataDir)))
        .as("nothing created, not even the data directory")
        .isFalse();
  }

  @Test
  void startRefusesABadEmailOrABadSignupVariable() {
    var email =
        cli.run(
            "start",
            "--headless",
            "--data-dir",
            dataDir,
            "--username",
            "not-an-email",
            "--password",
            "correct horse battery");
    assertThat(email.exitCode()).isNotZero();
    assertThat(email.err()).isEqualTo("label-studio: Enter a valid email address.\n");

    var flag =
        cli.env("LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK", "sometimes")
            .run("start", "--headless", "--data-dir", dataDir);
    assertThat(flag.exitCode()).isNotZero();
    assertThat(flag.err()).contains("LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK").hasLineCount(1);
  }

  @Test
  void startRefusesAWeakSeedPasswordAndCreatesNoAccount() {
    var result =
        cli.run(
            "start",
            "--headless",
            "--port",
            "0",
            "--data-dir",
            dataDir,
            "--username",
            "admin@example.com",
            "--password",
            "password");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err())
        .isEqualTo("label-studio: This password is too common. Please choose a less common one.\n");
    var user = cli.run("user", "--username", "admin@example.com", "--data-dir", dataDir);
    assertThat(user.exitCode()).isNotZero();
  }

  @Test
  void usernameWithoutPasswordIsAUsageError() {
    var result =
        cli.run("start", "--headless", "--data-dir", dataDir, "--username", "admin@example.com");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--username and --password go together");
  }
}
