package com.siali.label.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.console.account.AccountModel;
import com.siali.label.app.console.addpeople.AddPeopleModel;
import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.app.console.signin.SignInModel;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.User;
import com.siali.label.model.UserSort;
import com.siali.label.service.PasswordPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's view-models without any toolkit: work runs inline, against a real database in a
 * temp directory.
 */
class ViewModelTest {
  @TempDir Path dir;
  ConsoleFixture fixture;
  final Background inline = Background.inline();
  final List<User> signedIn = new ArrayList<>();

  @BeforeEach
  void open() {
    fixture = new ConsoleFixture(dir.resolve("data"));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private SignInModel signIn() {
    return new SignInModel(
        fixture.services.accounts(),
        fixture.services.people(),
        remembered(),
        inline,
        signedIn::add);
  }

  private PeopleModel people(User signedInAs) {
    return people(signedInAs, Clock.systemUTC());
  }

  private PeopleModel people(User signedInAs, Clock clock) {
    var services = fixture.services;
    return new PeopleModel(
        services.people(),
        services.accounts(),
        services.administration(),
        services.sessions(),
        services.avatars(),
        services.passwordResets(),
        () -> java.util.List.of("http://192.0.2.7:8080/"),
        clock,
        inline,
        new SimpleObjectProperty<>(signedInAs));
  }

  private RememberedSignIn remembered() {
    return new RememberedSignIn(fixture.services.sessions(), fixture.dataDir);
  }

  @Test
  void aFreshInstallationAsksForTheOwnerAndCreatesIt() {
    SignInModel model = signIn();
    model.load();
    assertThat(model.modeProperty().get()).isEqualTo(SignInModel.Mode.CREATE_OWNER);
    model.emailProperty().set("lead@example.com");
    model.passwordProperty().set(ConsoleFixture.PASSWORD);
    model.submit();
    assertThat(signedIn).singleElement().satisfies(u -> assertThat(u.owner()).isTrue());
    assertThat(fixture.services.people().findByEmail("lead@example.com")).isPresent();
  }

  @Test
  void aWeakOwnerPasswordIsRefusedWithThePolicyMessage() {
    SignInModel model = signIn();
    model.load();
    model.emailProperty().set("lead@example.com");
    model.passwordProperty().set("password");
    model.submit();
    assertThat(model.errorProperty().get()).isEqualTo(PasswordPolicy.COMMON_MESSAGE);
    assertThat(signedIn).isEmpty();
    assertThat(fixture.services.people().count()).isZero();
  }

  @Test
  void logInRefusesAWrongPasswordAndRemembersTheSignInWhenAsked() throws Exception {
    fixture.account("lead@example.com");
    SignInModel model = signIn();
    model.load();
    assertThat(model.modeProperty().get()).isEqualTo(SignInModel.Mode.LOG_IN);
    model.emailProperty().set("lead@example.com");
    model.passwordProperty().set("not the password");
    model.submit();
    assertThat(model.errorProperty().get()).isEqualTo(AuthenticationFailedException.MESSAGE);
    assertThat(model.passwordProperty().get()).as("the wrong password is cleared").isEmpty();
    assertThat(signedIn).isEmpty();

    model.passwordProperty().set(ConsoleFixture.PASSWORD);
    model.keepSignedInProperty().set(true);
    model.submit();
    assertThat(signedIn).hasSize(1);
    Path file = fixture.dataDir.resolve("console-session");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    // The next start signs the same person in without the form.
    SignInModel next = signIn();
    next.load();
    assertThat(signedIn)
        .hasSize(2)
        .extracting(User::email)
        .allMatch(e -> e.value().equals("lead@example.com"));

    // A password change elsewhere ends the remembered session too.
    fixture.services.accounts().setPassword(signedIn.getFirst().id(), "a brand new passphrase");
    assertThat(remembered().restore()).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void peopleSearchSortAndPagesComeFromTheDatabase() {
    User lead = fixture.account("lead@example.com", "Lena", "Lead");
    for (int i = 0; i < 120; i++) {
      fixture.account("member" + i + "@example.com", "Member", String.format("No%03d", i));
    }
    fixture.account("ada@example.com", "Ada", "Lovelace");
    PeopleModel model = people(lead);
    model.refresh();
    assertThat(model.totalProperty().get()).isEqualTo(122);
    assertThat(model.rows()).hasSize(PeopleModel.PAGE_SIZE);
    assertThat(model.hasNextPage()).isTrue();
    model.nextPage();
    assertThat(model.rows()).hasSize(22);

    model.searchProperty().set("love");
    assertThat(model.offsetProperty().get()).as("a new search starts on the first page").isZero();
    assertThat(model.rows()).extracting(User::displayName).containsExactly("Ada Lovelace");

    model.searchProperty().set("");
    model.sortBy(UserSort.EMAIL, true);
    assertThat(model.rows().getFirst().email().value())
        .isEqualTo("member9@example.com"); // "@" sorts after digits
  }

  @Test
  void newAccountsAppearWhenPolled() {
    User lead = fixture.account("lead@example.com");
    PeopleModel model = people(lead);
    model.refresh();
    model.pollForNewAccounts();
    assertThat(model.totalProperty().get()).isEqualTo(1);
    fixture.account("new@example.com");
    model.pollForNewAccounts();
    assertThat(model.totalProperty().get()).isEqualTo(2);
    assertThat(model.rows()).extracting(u -> u.email().value()).contains("new@example.com");
  }

  @Test
  void administrationActionsChangeTheAccountAndSaySo() {
    User lead = fixture.account("lead@example.com");
    User grace = fixture.account("grace@example.com", "Grace", "Hopper");
    fixture.services.sessions().start(grace.id(), false);
    PeopleModel model = people(lead);
    model.refresh();
    assertThat(model.mayAdminister()).isTrue();

    model.selectedProperty().set(grace);
    assertThat(model.selectedActivityProperty().get()).isNotNull();

    model.signOutEverywhere(grace);
    assertThat(model.status().textProperty().get())
        .isEqualTo("Grace Hopper was signed out of 1 browser session.");
    assertThat(fixture.services.sessions().countOf(grace.id())).isZero();

    model.resetPassword(grace, "a fresh passphrase for grace");
    assertThat(
            fixture
                .services
                .accounts()
                .authenticate("grace@example.com", "a fresh passphrase for grace")
                .id())
        .isEqualTo(grace.id());

    model.setActive(grace, false);
    assertThat(fixture.services.people().get(grace.id()).active()).isFalse();
    assertThat(model.status().isErrorProperty().get()).isFalse();

    model.delete(lead);
    assertThat(model.status().isErrorProperty().get()).isTrue();
    assertThat(model.status().textProperty().get())
        .isEqualTo("The owner account cannot be deleted.");
    model.delete(grace);
    assertThat(fixture.services.people().find(grace.id())).isEmpty();
    assertThat(model.selectedProperty().get()).isNull();
  }

  @Test
  void lastActivityReadsAsOnTheLanPages() {
    User lead = fixture.account("lead@example.com");
    Instant fiveMinutesLater = lead.lastActivity().plus(Duration.ofMinutes(5));
    PeopleModel model = people(lead, Clock.fixed(fiveMinutesLater, ZoneOffset.UTC));
    assertThat(model.lastActivityOf(lead)).isEqualTo("5 minutes ago");
  }

  @Test
  void onlyTheOwnerMayDeactivateOthers() {
    fixture.account("lead@example.com");
    User member = fixture.account("member@example.com");
    User other = fixture.account("other@example.com");
    PeopleModel model = people(member);
    assertThat(model.mayAdminister()).isFalse();
    model.setActive(other, false);
    assertThat(model.status().isErrorProperty().get()).isTrue();
    assertThat(fixture.services.people().get(other.id()).active()).isTrue();
  }

  @Test
  void resetLinkChangesTheLinkAndRefusesTheOldToken() {
    User lead = fixture.account("lead@example.com");
    AddPeopleModel model =
        new AddPeopleModel(
            fixture.services.invitations(),
            fixture.services.personalInvitations(),
            fixture.serverStatus(),
            Optional.empty(),
            inline,
            new SimpleObjectProperty<>(lead));
    model.load();
    String before = model.linkProperty().get();
    String oldToken = fixture.services.invitations().currentToken();
    assertThat(before)
        .startsWith(fixture.server.urls().getFirst() + "user/signup/?token=")
        .endsWith(oldToken);
    model.resetLink();
    assertThat(model.linkProperty().get()).isNotEqualTo(before);
    assertThat(fixture.services.invitations().accepts(oldToken)).isFalse();
    assertThat(model.status().textProperty().get()).contains("old link no longer works");
    assertThat(fixture.services.people().get(lead.id()).lastActivity())
        .as("Reset Link counts as the lead's activity, as on the web")
        .isAfter(lead.lastActivity());
  }

  @Test
  void theOpenSignupSwitchIsStoredUnlessTheEnvironmentDecides() {
    AddPeopleModel free =
        new AddPeopleModel(
            fixture.services.invitations(),
            fixture.services.personalInvitations(),
            fixture.serverStatus(),
            Optional.empty(),
            inline,
            new SimpleObjectProperty<>());
    free.load();
    assertThat(free.locked()).isFalse();
    free.openSignupAllowedProperty().set(false);
    assertThat(fixture.services.invitations().openSignupAllowed()).isFalse();

    AddPeopleModel locked =
        new AddPeopleModel(
            fixture.services.invitations(),
            fixture.services.personalInvitations(),
            fixture.serverStatus(),
            Optional.of(false),
            inline,
            new SimpleObjectProperty<>());
    locked.load();
    assertThat(locked.locked()).isTrue();
    assertThat(locked.openSignupAllowedProperty().get())
        .as("the variable says false: sign-up is open")
        .isTrue();
    assertThat(locked.lockExplanation()).contains("LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK");
    assertThat(fixture.services.invitations().openSignupAllowed())
        .as("loading changes no setting")
        .isFalse();
  }

  @Test
  void accountSettingsSaveProfilePictureTokenAndPassword() throws Exception {
    User me = fixture.account("lead@example.com");
    var signedInProperty = new SimpleObjectProperty<>(me);
    RememberedSignIn remembered = remembered();
    remembered.remember(me);
    AccountModel model =
        new AccountModel(
            fixture.services.accounts(),
            fixture.services.avatars(),
            fixture.services.apiTokens(),
            remembered,
            inline,
            signedInProperty);
    model.load();

    model.firstNameProperty().set("Lena");
    model.phoneProperty().set("+44 20 7946 0000");
    model.saveProfile();
    assertThat(signedInProperty.get().displayName()).isEqualTo("Lena");
    model.phoneProperty().set("call me maybe");
    model.saveProfile();
    assertThat(model.status().isErrorProperty().get()).isTrue();
    assertThat(fixture.services.people().get(me.id()).phone()).isEqualTo("+44 20 7946 0000");

    model.choosePicture(ConsoleFixture.pictureFile(dir, 800, 600));
    assertThat(model.pictureProperty().get()).isNotNull();
    assertThat(fixture.services.people().get(me.id()).avatar()).isPresent();
    assertThat(model.status().textProperty().get()).contains("cropped");
    Path svg = dir.resolve("drawing.svg");
    Files.writeString(svg, "<svg xmlns='http://www.w3.org/2000/svg'/>");
    String before = fixture.services.people().get(me.id()).avatar().orElseThrow();
    model.choosePicture(svg);
    assertThat(model.status().isErrorProperty().get()).isTrue();
    assertThat(fixture.services.people().get(me.id()).avatar()).contains(before);
    model.removePicture();
    assertThat(fixture.services.people().get(me.id()).avatar()).isEmpty();

    String token = fixture.services.apiTokens().tokenOf(me.id());
    model.showToken();
    assertThat(model.tokenProperty().get()).isEqualTo(token);
    model.resetToken();
    assertThat(model.tokenProperty().get()).isNotEqualTo(token);
    assertThat(fixture.services.apiTokens().authenticate(token)).isEmpty();

    model.currentPasswordProperty().set(ConsoleFixture.PASSWORD);
    model.newPasswordProperty().set("another long passphrase");
    model.changePassword();
    assertThat(model.status().isErrorProperty().get()).isFalse();
    assertThat(
            fixture
                .services
                .accounts()
                .authenticate("lead@example.com", "another long passphrase")
                .id())
        .isEqualTo(me.id());
    assertThat(remembered.restore())
        .as("the console stays signed in after its own password change")
        .isPresent();
  }
}
