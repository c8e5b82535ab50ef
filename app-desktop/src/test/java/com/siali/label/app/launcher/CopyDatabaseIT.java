package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.persistence.UserRepository;
import com.siali.label.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code label-studio copy-database --to-postgresql}: a laptop's H2 data moves to PostgreSQL whole.
 * Runs in the PostgreSQL execution only (it needs a PostgreSQL target; the source is always H2).
 */
class CopyDatabaseIT {
  private static final String PASSWORD = "correct horse battery";
  private static final int SEEDED = 10_000;

  @TempDir Path tmp;
  Path laptop;
  Path server;
  long[] realIds = new long[2];

  @BeforeEach
  void needsPostgres() {
    assumeTrue(TestDatabases.postgres(), "copy-database needs the PostgreSQL test server");
    laptop = tmp.resolve("laptop");
    server = tmp.resolve("server");
  }

  /** Two real accounts (real Argon2 hashes), the invitation link, and {@code seeded} more. */
  private void seedTheLaptop(int seeded) {
    try (Installation installation = Installation.open(laptop, DatabaseTarget.EMBEDDED)) {
      var accounts = installation.services().accounts();
      realIds[0] = accounts.create(NewAccount.of("lead@example.com", PASSWORD)).id();
      realIds[1] = accounts.create(NewAccount.of("ada@example.com", PASSWORD)).id();
      installation.services().invitations().currentToken();
    }
    try (Database h2 = Database.open(DataDirectory.open(laptop))) {
      BulkAccounts.seed(h2, seeded);
    }
  }

  private CliRunner cliForTheServer() {
    CliRunner cli = new CliRunner();
    TestDatabases.environment(server).forEach(cli::env);
    return cli;
  }

  @Test
  void everyAccountMovesAndLogsInWithItsOldPassword() {
    seedTheLaptop(SEEDED);
    var result =
        cliForTheServer().run("copy-database", "--to-postgresql", "--data-dir", laptop.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("users: " + (SEEDED + 2) + " rows", "Copied and verified.")
        .contains("audit_events: 2 rows") // the history moves with the accounts
        .contains("users: 10000 rows so far");

    String laptopToken;
    List<String> laptopPeople;
    try (Installation h2 = Installation.open(laptop, DatabaseTarget.EMBEDDED)) {
      laptopToken = h2.services().invitations().currentToken();
      laptopPeople = everyone(h2);
    }
    try (Installation postgres = Installation.open(laptop, TestDatabases.target(server))) {
      var services = postgres.services();
      assertThat(everyone(postgres)).isEqualTo(laptopPeople);
      User lead = services.accounts().authenticate("lead@example.com", PASSWORD);
      assertThat(lead.id()).isEqualTo(realIds[0]);
      assertThat(lead.owner()).isTrue();
      assertThat(services.invitations().currentToken()).isEqualTo(laptopToken);
      User fresh = services.accounts().create(NewAccount.of("new@example.com", PASSWORD));
      assertThat(fresh.id()).as("the identity moved past the copied ids").isGreaterThan(realIds[1]);
    }
  }

  @Test
  void picturesMoveTooAlsoThoseAnEarlierVersionKeptAsFiles() throws Exception {
    seedTheLaptop(0);
    byte[] inTheDatabase;
    String legacy = "00112233445566778899aabbccddeeff.png";
    byte[] legacyBytes = png();
    try (Installation h2 = Installation.open(laptop, DatabaseTarget.EMBEDDED)) {
      inTheDatabase =
          h2.services()
              .avatars()
              .set(realIds[0], png())
              .user()
              .avatar()
              .map(h2.services().avatars()::read)
              .orElseThrow();
    }
    // ada's picture as an earlier version left it: a file in avatars/ that her row names.
    Files.write(laptop.resolve("avatars").resolve(legacy), legacyBytes);
    try (Database h2 = Database.open(DataDirectory.open(laptop))) {
      h2.inTransactionDo(
          ctx ->
              new UserRepository(new ChangeFeed())
                  .setAvatar(ctx, realIds[1], java.util.Optional.of(legacy)));
    }

    var result =
        cliForTheServer().run("copy-database", "--to-postgresql", "--data-dir", laptop.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("avatar_pictures: 2 rows");

    // Another data directory: what the server serves comes from the database alone.
    try (Installation postgres = Installation.open(server, TestDatabases.target(server))) {
      var services = postgres.services();
      String leadPicture = services.people().get(realIds[0]).avatar().orElseThrow();
      assertThat(services.avatars().read(leadPicture)).isEqualTo(inTheDatabase);
      assertThat(services.avatars().read(legacy)).isEqualTo(legacyBytes);
    }
  }

  private static byte[] png() throws Exception {
    var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aTargetWithAccountsIsRefusedAndKeepsThem() {
    seedTheLaptop(10);
    assertThat(
            cliForTheServer()
                .run("copy-database", "--to-postgresql", "--data-dir", laptop.toString())
                .exitCode())
        .isZero();
    var again =
        cliForTheServer().run("copy-database", "--to-postgresql", "--data-dir", laptop.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip())
        .isEqualTo(
            "label-studio: The target database already has accounts; copy-database copies only into an empty"
                + " one.");
  }

  @Test
  void anUnreachableTargetFailsInOneLine() {
    seedTheLaptop(0);
    var result =
        new CliRunner()
            .run(
                "copy-database",
                "--to-postgresql",
                "--data-dir",
                laptop.toString(),
                "--database-url",
                "postgresql://nobody@127.0.0.1:1/none");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .startsWith("label-studio: Cannot connect to PostgreSQL at 127.0.0.1:1/none");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  /** Every account as id, email, names and join time, in id order. */
  private static List<String> everyone(Installation installation) {
    List<String> all = new ArrayList<>();
    var people = installation.services().people();
    for (int offset = 0; ; offset += UserQuery.MAX_LIMIT) {
      var page = people.page(new UserQuery("", UserSort.EMAIL, false, offset, UserQuery.MAX_LIMIT));
      for (User u : page.items()) {
        all.add(
            u.id()
                + " "
                + u.email().value()
                + " "
                + u.firstName()
                + " "
                + u.lastName()
                + " "
                + u.dateJoined()
                + " "
                + u.active()
                + " "
                + u.owner());
      }
      if (page.items().size() < UserQuery.MAX_LIMIT) {
        return all.stream().sorted().toList();
      }
    }
  }
}
