package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Argon2Parameters;
import com.siali.label.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceIT {
  @TempDir Path dir;
  TestStore store;
  AccountService accounts;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    accounts = store.services.accounts();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void firstAccountIsTheOwnerAndLaterOnesAreNot() {
    User first = store.create("Lead@Example.com ");
    User second = store.create("collab@example.com");
    assertThat(first.owner()).isTrue();
    assertThat(first.email().value()).isEqualTo("lead@example.com");
    assertThat(first.username()).isEqualTo("lead");
    assertThat(first.active()).isTrue();
    assertThat(first.dateJoined())
        .isEqualTo(first.lastActivity())
        .isEqualTo(Instant("2026-01-15T10:00:00.123456Z"));
    assertThat(second.owner()).isFalse();
  }

  @Test
  void emailIsUniqueWhateverItsCase() {
    store.create("ada@example.com");
    assertThatThrownBy(() -> store.create("  ADA@example.com"))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("User with this email already exists");
    assertThat(store.services.people().count()).isEqualTo(1);
  }

  @Test
  void passwordRulesApplyAtCreationAndNothingIsCreated() {
    assertThatThrownBy(() -> accounts.create(NewAccount.of("ada@example.com", "short")))
        .hasMessage(PasswordPolicy.LENGTH_MESSAGE);
    assertThatThrownBy(() -> accounts.create(NewAccount.of("ada@example.com", "password123")))
        .hasMessage(PasswordPolicy.COMMON_MESSAGE);
    assertThat(store.services.people().count()).isZero();
  }

  @Test
  void requestedApiTokenMustHaveFiveCharacters() {
    var tooShort =
        new NewAccount(
            EmailAddress.parse("ada@example.com"), TestStore.PASSWORD, Optional.of("abcd"));
    assertThatThrownBy(() -> accounts.create(tooShort))
        .isInstanceOf(ValidationException.class)
        .hasMessage(ApiTokenRules.TOO_SHORT_MESSAGE);
    assertThat(store.services.people().count()).isZero();

    var ok =
        new NewAccount(
            EmailAddress.parse("ada@example.com"), TestStore.PASSWORD, Optional.of("abcde"));
    User user = accounts.create(ok);
    assertThat(store.services.apiTokens().tokenOf(user.id())).isEqualTo("abcde");
  }

  @Test
  void generatedApiTokenIs40HexCharacters() {
    User user = store.create("ada@example.com");
    assertThat(store.services.apiTokens().tokenOf(user.id())).matches("[0-9a-f]{40}");
  }

  @Test
  void authenticationAcceptsTheRightPasswordAndRecordsActivity() {
    User created = store.create("ada@example.com");
    store.clock.advance(Duration.ofMinutes(5));
    User loggedIn = accounts.authenticate(" Ada@Example.com", TestStore.PASSWORD);
    assertThat(loggedIn.id()).isEqualTo(created.id());
    assertThat(loggedIn.lastActivity())
        .isEqualTo(created.lastActivity().plus(Duration.ofMinutes(5)));
  }

  @Test
  void unknownEmailWrongPasswordAndDeactivatedAccountGiveTheSameMessage() {
    User owner = store.create("lead@example.com");
    User collab = store.create("collab@example.com");
    store.services.administration().setActive(owner.id(), collab.id(), false);

    for (var attempt :
        List.of(
            new String[] {"nobody@example.com", TestStore.PASSWORD},
            new String[] {"lead@example.com", "wrong password here"},
            new String[] {"collab@example.com", TestStore.PASSWORD},
            new String[] {"not an email", TestStore.PASSWORD})) {
      assertThatThrownBy(() -> accounts.authenticate(attempt[0], attempt[1]))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessage("The email and password you entered don't match.");
    }
  }

  @Test
  void loginRehashesWhenParametersWereRaised() {
    store.create("ada@example.com");
    store.close();
    var stronger = new PasswordHasher(new Argon2Parameters(19_456, 3, 1), 2);
    store = new TestStore(dir.resolve("data"), stronger);
    store.services.accounts().authenticate("ada@example.com", TestStore.PASSWORD);
    String hash =
        store.database.inTransaction(
            ctx ->
                new UserRepository(new ChangeFeed())
                    .credentials(ctx, EmailAddress.parse("ada@example.com"))
                    .orElseThrow()
                    .passwordHash());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=3,p=1$");
    assertThat(store.services.accounts().authenticate("ada@example.com", TestStore.PASSWORD))
        .isNotNull();
  }

  @Test
  void passwordChangeEndsThatUsersSessionsOnly() {
    User ada = store.create("ada@example.com");
    User bob = store.create("bob@example.com");
    var sessions = store.services.sessions();
    var adaSession = sessions.start(ada.id(), false);
    sessions.start(ada.id(), true);
    var bobSession = sessions.start(bob.id(), false);

    accounts.changePassword(ada.id(), TestStore.PASSWORD, "a brand new passphrase");

    assertThat(sessions.find(adaSession.id())).isEmpty();
    assertThat(sessions.countOf(ada.id())).isZero();
    assertThat(sessions.find(bobSession.id())).isPresent();
    assertThat(accounts.authenticate("ada@example.com", "a brand new passphrase").id())
        .isEqualTo(ada.id());
    assertThatThrownBy(() -> accounts.authenticate("ada@example.com", TestStore.PASSWORD))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void changingPasswordNeedsTheCurrentOne() {
    User ada = store.create("ada@example.com");
    assertThatThrownBy(
            () -> accounts.changePassword(ada.id(), "not my password", "a brand new passphrase"))
        .hasMessage(AccountService.WRONG_CURRENT_PASSWORD_MESSAGE);
  }

  @Test
  void settingTheSamePasswordIsRefused() {
    User ada = store.create("ada@example.com");
    assertThatThrownBy(() -> accounts.setPassword(ada.id(), TestStore.PASSWORD))
        .hasMessage("Entered password is the same as current");
  }

  @Test
  void profileUpdateIsSavedAndSearchable() {
    User ada = store.create("ada@example.com");
    User updated = accounts.updateProfile(ada.id(), new ProfileUpdate("Ada", "Lovelace", "+44 1"));
    assertThat(updated.firstName()).isEqualTo("Ada");
    assertThat(updated.initials()).isEqualTo("AL");
    assertThat(store.services.people().page(UserQuery.firstPage("love", 10)).items())
        .extracting(User::id)
        .containsExactly(ada.id());
  }

  @Test
  void fiftyConcurrentCreationsOfOneEmailGiveExactlyOneAccount() throws Exception {
    int attempts = 50;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  store.create("same@example.com");
                  return true;
                } catch (AlreadyExistsException taken) {
                  return false;
                }
              }));
    }
    go.countDown();
    int created = 0;
    for (Future<Boolean> result : results) {
      created += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(store.services.people().count()).isEqualTo(1);
  }

  @Test
  void concurrentFirstSignUpsMakeExactlyOneOwner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<User>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String email = "person" + i + "@example.com";
      results.add(
          pool.submit(
              () -> {
                go.await();
                return store.create(email);
              }));
    }
    go.countDown();
    long owners = 0;
    for (Future<User> result : results) {
      owners += result.get().owner() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(owners).isEqualTo(1);
  }

  private static Instant Instant(String text) {
    return Instant.parse(text);
  }
}
