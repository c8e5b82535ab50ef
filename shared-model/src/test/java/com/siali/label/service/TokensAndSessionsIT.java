package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.User;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.WebSessionRepository;
import com.siali.label.security.PasswordHasher;
import com.siali.label.security.Tokens;
import com.siali.label.service.InvitationService.Admission;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensAndSessionsIT {
  @TempDir Path dir;
  TestStore store;
  User ada;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    ada = store.create("ada@example.com");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void rotatingTheApiTokenStopsTheOldOneAtOnce() {
    var tokens = store.services.apiTokens();
    String old = tokens.tokenOf(ada.id());
    String fresh = tokens.rotate(ada.id());
    assertThat(fresh).isNotEqualTo(old).matches("[0-9a-f]{40}");
    assertThat(tokens.authenticate(old)).isEmpty();
    assertThat(tokens.authenticate(fresh)).map(User::id).contains(ada.id());
    assertThat(tokens.authenticate(fresh + "x")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
  }

  /**
   * Readers keep presenting the current token (and so keep reloading it into the cache) while it is
   * rotated or the account deactivated: once the call that revoked it returns, it must never be
   * accepted again.
   */
  @Test
  void aRevokedTokenIsNeverAcceptedAgainEvenWhileOthersKeepPresentingIt() throws Exception {
    var tokens = store.services.apiTokens();
    var admin = store.services.administration();
    User collab = store.create("collab@example.com");
    var presented = new AtomicReference<>(tokens.tokenOf(collab.id()));
    var stop = new AtomicBoolean();
    var readers = Executors.newFixedThreadPool(3);
    try {
      for (int i = 0; i < 3; i++) {
        readers.submit(
            () -> {
              while (!stop.get()) {
                tokens.authenticate(presented.get());
              }
            });
      }
      for (int round = 0; round < 40; round++) {
        String old = presented.get();
        String fresh = tokens.rotate(collab.id());
        assertThat(tokens.authenticate(old)).as("rotated away in round %d", round).isEmpty();
        admin.setActive(ada.id(), collab.id(), false);
        assertThat(tokens.authenticate(old)).isEmpty();
        presented.set(fresh);
        assertThat(tokens.authenticate(fresh)).as("deactivated in round %d", round).isEmpty();
        admin.setActive(ada.id(), collab.id(), true);
        assertThat(tokens.authenticate(fresh)).map(User::active).contains(true);
      }
    } finally {
      stop.set(true);
      readers.shutdown();
      assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void invitationTokenIsStableUntilResetAndThenTheOldOneIsRefused() {
    var invitations = store.services.invitations();
    String token = invitations.currentToken();
    assertThat(token)
        .hasSizeGreaterThanOrEqualTo(22)
        .matches("[A-Za-z0-9_-]+"); // >= 128 bits of base64url
    assertThat(invitations.currentToken()).isEqualTo(token);
    assertThat(invitations.accepts(token)).isTrue();

    String fresh = invitations.resetLink(ada.id());
    assertThat(fresh).isNotEqualTo(token);
    assertThat(invitations.accepts(token)).isFalse();
    assertThat(invitations.accepts(fresh)).isTrue();
    assertThat(invitations.accepts("")).isFalse();
    assertThat(invitations.accepts(null)).isFalse();
  }

  @Test
  void resettingTheLinkRecordsTheActorsActivity() {
    store.clock.advance(Duration.ofHours(3));
    store.services.invitations().resetLink(ada.id());
    assertThat(store.services.people().get(ada.id()).lastActivity())
        .isEqualTo(ada.lastActivity().plus(Duration.ofHours(3)));
  }

  @Test
  void openSignupSettingIsStored() {
    var invitations = store.services.invitations();
    assertThat(invitations.openSignupAllowed()).isTrue();
    invitations.setOpenSignupAllowed(false);
    assertThat(invitations.openSignupAllowed()).isFalse();
  }

  /** The log-in page reads the switch on every GET: from memory, until the switch changes. */
  @Test
  void theStoredSwitchIsKeptInMemoryUntilItChanges() {
    var invitations = store.services.invitations();
    Optional<Boolean> unset = Optional.empty();
    assertThat(invitations.signupRuleInMemory(Optional.of(true))).isTrue();
    assertThat(invitations.openSignupAllowed()).isTrue();
    assertThat(invitations.signupRuleInMemory(unset)).isTrue();
    invitations.setOpenSignupAllowed(false);
    assertThat(invitations.signupRuleInMemory(unset)).isFalse();
    assertThat(invitations.openSignupAllowed()).isFalse();
    assertThat(invitations.signupRuleInMemory(unset)).isTrue();
  }

  /** A second set of services over the same PostgreSQL database stands for another node. */
  @Test
  void aSwitchChangedByAnotherProcessIsSeenWithinASecond() throws InterruptedException {
    Assumptions.assumeTrue(TestDatabases.postgres(), "one H2 file has one process");
    var here = store.services.invitations();
    assertThat(here.openSignupAllowed()).isTrue();
    try (var otherDatabase = TestDatabases.open(store.directory)) {
      var other =
          Services.over(
              otherDatabase,
              store.directory.avatars(),
              PasswordHasher.withDefaults(),
              PasswordPolicy.standard(),
              store.clock);
      other.invitations().setOpenSignupAllowed(false);
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (here.openSignupAllowed() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(here.openSignupAllowed()).isFalse();
    }
  }

  @Test
  void theEnvironmentVariableBeatsTheStoredSwitch() {
    var invitations = store.services.invitations();
    Optional<Boolean> unset = Optional.empty();
    assertThat(invitations.signupRequiresLink(unset)).isFalse();
    assertThat(invitations.signupRequiresLink(Optional.of(true))).isTrue();
    invitations.setOpenSignupAllowed(false);
    assertThat(invitations.signupRequiresLink(unset)).isTrue();
    assertThat(invitations.signupRequiresLink(Optional.of(false))).isFalse();
  }

  @Test
  void admissionNeedsTheCurrentTokenOrOpenSignup() {
    var invitations = store.services.invitations();
    String token = invitations.currentToken();
    Optional<Boolean> unset = Optional.empty();
    assertThat(invitations.admission(Optional.empty(), unset)).isEqualTo(Admission.ALLOWED);
    assertThat(invitations.admission(Optional.of(token), Optional.of(true)))
        .isEqualTo(Admission.ALLOWED);
    assertThat(invitations.admission(Optional.empty(), Optional.of(true)))
        .isEqualTo(Admission.INVITATION_ONLY);
    assertThat(invitations.admission(Optional.of(token + "x"), unset))
        .as("a wrong token is refused even in open mode")
        .isEqualTo(Admission.LINK_INVALID);
  }

  @Test
  void theLinkIsTheSignupPageWithTheTokenOnTheBaseUrl() {
    assertThat(InvitationService.signupLink("http://192.168.1.20:8080/", "a_b-c"))
        .isEqualTo("http://192.168.1.20:8080/user/signup/?token=a_b-c");
    assertThat(InvitationService.signupLink("https://lab.example", "x"))
        .isEqualTo("https://lab.example/user/signup/?token=x");
  }

  @Test
  void sessionsExpireAfterFiveIdleDaysOrFourteenDaysInAll() {
    var sessions = store.services.sessions();
    var idle = sessions.start(ada.id(), true);
    var busy = sessions.start(ada.id(), true);
    for (int day = 0; day < 13; day++) {
      store.clock.advance(Duration.ofDays(1));
      assertThat(sessions.find(busy.id())).isPresent();
    }
    assertThat(sessions.find(idle.id())).as("idle for 13 days").isEmpty();
    store.clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(sessions.find(busy.id())).as("older than 14 days").isEmpty();
  }

  @Test
  void countsOtherPeopleWithLiveSessionsOnce() {
    var sessions = store.services.sessions();
    User grace = store.create("grace@example.com");
    User alan = store.create("alan@example.com");
    sessions.start(ada.id(), true);
    assertThat(sessions.countPeopleSignedInExcept(ada.id())).isZero();
    sessions.start(grace.id(), false);
    sessions.start(grace.id(), true);
    assertThat(sessions.countPeopleSignedInExcept(ada.id()))
        .as("two sessions of one person")
        .isEqualTo(1);
    var alansSession = sessions.start(alan.id(), false);
    assertThat(sessions.countPeopleSignedInExcept(ada.id())).isEqualTo(2);
    sessions.end(alansSession.id());
    assertThat(sessions.countPeopleSignedInExcept(ada.id())).isEqualTo(1);
    store.clock.advance(Duration.ofDays(6));
    assertThat(sessions.countPeopleSignedInExcept(ada.id()))
        .as("expired sessions do not count")
        .isZero();
  }

  @Test
  void lastSeenIsRefreshedAtMostOncePerMinute() {
    var sessions = store.services.sessions();
    var session = sessions.start(ada.id(), false);
    String digest = Tokens.sha256Hex(session.id());
    var repository = new WebSessionRepository(new ChangeFeed());
    Supplier<Instant> lastSeen =
        () ->
            store
                .database
                .inTransaction(ctx -> repository.find(ctx, digest))
                .orElseThrow()
                .lastSeenAt();
    Instant started = lastSeen.get();
    store.clock.advance(Duration.ofSeconds(30));
    sessions.find(session.id());
    assertThat(lastSeen.get()).isEqualTo(started);
    store.clock.advance(Duration.ofSeconds(31));
    sessions.find(session.id());
    assertThat(lastSeen.get()).isEqualTo(started.plusSeconds(61));
  }

  @Test
  void webLogInStartsASessionAndRecordsActivityOrFailsWithTheOneMessage() {
    var sessions = store.services.sessions();
    store.clock.advance(Duration.ofMinutes(10));
    var loggedIn = sessions.logIn("ADA@example.com ", TestStore.PASSWORD, true);
    assertThat(loggedIn.user().id()).isEqualTo(ada.id());
    assertThat(sessions.find(loggedIn.session().id()).orElseThrow().rememberMe()).isTrue();
    assertThat(store.services.people().get(ada.id()).lastActivity())
        .isEqualTo(ada.lastActivity().plus(Duration.ofMinutes(10)));
    Assertions.assertThatThrownBy(() -> sessions.logIn("ada@example.com", "wrong password", false))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessage("The email and password you entered don't match.");
    assertThat(sessions.countOf(ada.id())).isEqualTo(1);
  }

  @Test
  void sessionCarriesItsCsrfTokenAndEndsAtLogout() {
    var sessions = store.services.sessions();
    var started = sessions.start(ada.id(), false);
    var found = sessions.find(started.id()).orElseThrow();
    assertThat(found.csrfToken()).isEqualTo(started.csrfToken());
    assertThat(found.user().id()).isEqualTo(ada.id());
    sessions.end(started.id());
    assertThat(sessions.find(started.id())).isEmpty();
  }

  @Test
  void dataSurvivesReopeningTheDatabase() {
    store.services.apiTokens().rotate(ada.id());
    String token = store.services.apiTokens().tokenOf(ada.id());
    store.close();
    store = new TestStore(dir.resolve("data"));
    assertThat(store.services.apiTokens().authenticate(token)).map(User::id).contains(ada.id());
  }
}
