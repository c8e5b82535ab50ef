package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.jooq.Tables;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #15 item 1: the owner's one-time password-reset link, on both backends. */
class PasswordResetLinksIT {
  private static final String NEW_PASSWORD = "a brand new secret";
  @TempDir Path dir;
  TestStore store;
  User owner;
  User ada;
  User bob;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    owner = store.create("lead@example.com");
    ada = store.create("ada@example.com");
    bob = store.create("bob@example.com");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private PasswordResetLinks links() {
    return store.services.passwordResets();
  }

  @Test
  void aLinkSetsThePasswordOnceAndEndsTheOldSessions() {
    var session = store.services.sessions().start(ada.id(), true);
    var link = links().issue(owner.id(), ada.id());
    assertThat(link.token()).hasSizeGreaterThanOrEqualTo(43); // 32 bytes, base64url: 256 bits
    assertThat(link.expiresAt())
        .isEqualTo(ServiceClock.now(store.clock).plus(Duration.ofHours(24)));
    assertThat(links().personFor(link.token())).map(User::id).contains(ada.id());

    links().use(link.token(), NEW_PASSWORD);

    assertThat(store.services.accounts().authenticate("ada@example.com", NEW_PASSWORD).id())
        .isEqualTo(ada.id());
    assertThatThrownBy(
            () -> store.services.accounts().authenticate("ada@example.com", TestStore.PASSWORD))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(store.services.sessions().find(session.id())).isEmpty();
    assertThat(links().personFor(link.token())).isEmpty();
    assertThatThrownBy(() -> links().use(link.token(), "another new secret"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(PasswordResetLinks.NOT_VALID_MESSAGE);
  }

  @Test
  void onlyTheDigestIsStored() {
    var link = links().issue(owner.id(), ada.id());
    var stored =
        store.database.inTransaction(
            ctx -> ctx.fetchOne(Tables.PASSWORD_RESET_LINKS).getTokenDigest());
    assertThat(stored).isEqualTo(com.siali.label.security.Tokens.sha256Hex(link.token()));
    assertThat(stored).doesNotContain(link.token());
  }

  @Test
  void aLinkExpiresAfter24HoursByTheClock() {
    var link = links().issue(owner.id(), ada.id());
    store.clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(links().personFor(link.token())).isPresent();
    store.clock.advance(Duration.ofSeconds(1));
    assertThat(links().personFor(link.token())).isEmpty();
    assertThatThrownBy(() -> links().use(link.token(), NEW_PASSWORD))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNewLinkReplacesTheOldOneAndAWeakPasswordKeepsTheLink() {
    var first = links().issue(owner.id(), ada.id());
    var second = links().issue(owner.id(), ada.id());
    assertThat(links().personFor(first.token())).isEmpty();
    assertThatThrownBy(() -> links().use(second.token(), "short"))
        .isInstanceOf(ValidationException.class);
    assertThat(links().personFor(second.token())).isPresent();
    assertThat(links().issue(owner.id(), bob.id()).token()).isNotEqualTo(second.token());
    assertThat(links().personFor(second.token())).as("other people's links are apart").isPresent();
  }

  @Test
  void onlyTheOwnerMakesLinksAndNotForItself() {
    assertThatThrownBy(() -> links().issue(ada.id(), bob.id()))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> links().issue(owner.id(), owner.id()))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void aDeactivatedPersonsLinkStopsWorking() {
    var link = links().issue(owner.id(), ada.id());
    store.services.administration().setActive(owner.id(), ada.id(), false);
    assertThat(links().personFor(link.token())).isEmpty();
    assertThatThrownBy(() -> links().use(link.token(), NEW_PASSWORD))
        .isInstanceOf(NotFoundException.class);
    assertThat(links().personFor("x".repeat(500))).isEmpty();
    assertThat(links().personFor("")).isEmpty();
  }

  @Test
  void signOutEverywhereIsTheOwners() {
    var session = store.services.sessions().start(ada.id(), false);
    assertThatThrownBy(() -> store.services.administration().signOutEverywhere(bob.id(), ada.id()))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(store.services.administration().signOutEverywhere(owner.id(), ada.id()))
        .isEqualTo(1);
    assertThat(store.services.sessions().find(session.id())).isEmpty();
  }
}
