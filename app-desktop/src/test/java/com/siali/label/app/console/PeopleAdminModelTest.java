package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #15 items 1, 4 and 10 in the window's People model, without the toolkit: the one-time reset
 * link (the web's, working over HTTP), the CSV export to a file, the username for a person without
 * a name.
 */
class PeopleAdminModelTest {
  @TempDir Path dir;
  ConsoleFixture fixture;
  final Background inline = Background.inline();

  @BeforeEach
  void open() {
    fixture = new ConsoleFixture(dir.resolve("data"));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private PeopleModel people(User signedInAs) {
    var services = fixture.services;
    return new PeopleModel(
        services.people(),
        services.accounts(),
        services.administration(),
        services.sessions(),
        services.avatars(),
        services.passwordResets(),
        () -> fixture.server.urls(),
        Clock.systemUTC(),
        inline,
        new SimpleObjectProperty<>(signedInAs));
  }

  @Test
  void theResetLinkIsTheWebsAndOpensTheNewPasswordPage() throws Exception {
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    User grace = fixture.account("grace@example.com", "Grace", "Hopper");
    AtomicReference<String> shown = new AtomicReference<>();
    people(lead).resetLink(grace, shown::set);
    assertThat(shown.get())
        .startsWith(
            fixture.server.urls().getFirst().replaceAll("/$", "") + "/user/reset-password/");
    try (HttpClient http = HttpClient.newHttpClient()) {
      var page =
          http.send(
              HttpRequest.newBuilder(URI.create(shown.get())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("grace@example.com");
    }

    PeopleModel member = people(grace);
    AtomicReference<String> refused = new AtomicReference<>();
    member.resetLink(lead, refused::set);
    assertThat(refused.get()).isNull();
    assertThat(member.status().isErrorProperty().get()).isTrue();
  }

  @Test
  void theOwnerExportsCsvToAFile() throws Exception {
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    fixture.account("cmd@example.com", "=cmd", "-2+3");
    Path file = dir.resolve("people.csv");
    PeopleModel model = people(lead);
    model.exportCsv(file);
    assertThat(model.status().isErrorProperty().get()).isFalse();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.getFirst()).isEqualTo("email,name,joined,last_activity,active");
    assertThat(lines.get(1)).startsWith("cmd@example.com,'=cmd -2+3,");
    assertThat(lines.get(2)).startsWith("lead@example.com,Lena Lead,").endsWith(",true");
    assertThat(Files.exists(dir.resolve("people.csv.part"))).isFalse();

    PeopleModel member = people(fixture.account("m@example.com"));
    Path refused = dir.resolve("refused.csv");
    member.exportCsv(refused);
    assertThat(member.status().isErrorProperty().get()).isTrue();
    assertThat(refused).doesNotExist();
    assertThat(dir.resolve("refused.csv.part")).doesNotExist();
  }

  @Test
  void aPersonWithoutANameIsShownByUsername() {
    User ada = fixture.account("ada.lovelace@example.com");
    assertThat(PeopleModel.nameOf(ada)).isEqualTo("ada.lovelace");
    assertThat(PeopleModel.nameOf(fixture.account("x@example.com", "Xi", ""))).isEqualTo("Xi");
  }
}
