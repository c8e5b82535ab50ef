package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditContext;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.BulkAuditEvents;
import com.siali.label.persistence.ChangeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 items 4–5 at the services, on both backends: the window's and the command line's events
 * name their actor, a failed log-in is kept though nothing else commits, a refused change leaves no
 * event, the log pages by keyset with its filters, and retention prunes by the clock.
 */
class AuditTrailIT {
  @TempDir Path dir;
  TestStore store;
  User owner;
  User ada;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    owner = store.create("lead@example.com");
    ada = store.create("ada@example.com");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AuditTrail audit() {
    return store.services.audit();
  }

  private List<AuditEntry> all() {
    return audit().page(owner.id(), AuditQuery.all().limit(500)).entries();
  }

  private AuditEntry onlyOne(AuditAction action) {
    List<AuditEntry> found = all().stream().filter(e -> e.action() == action).toList();
    assertThat(found).as(action.label()).hasSize(1);
    return found.getFirst();
  }

  private static AuditContext window(User signedIn) {
    return AuditContext.window(Optional.of(signedIn.id()));
  }

  @Test
  void theWindowsActionsNameTheSignedInOwnerAndTheWindow() {
    var services = store.services;
    window(owner)
        .run(
            () -> {
              services.accounts().setPassword(ada.id(), "set by the owner 99");
              services.sessions().endAllOf(ada.id());
              services.invitations().setOpenSignupAllowed(false);
              services.invitations().resetLink(owner.id());
              services.administration().setActive(owner.id(), ada.id(), false);
            });
    AuditEntry password = onlyOne(AuditAction.PASSWORD_CHANGED);
    assertThat(password.actorId()).contains(owner.id());
    assertThat(password.actor()).isEqualTo("lead@example.com");
    assertThat(password.subject()).isEqualTo("ada@example.com");
    assertThat(password.channel()).isEqualTo("window");
    assertThat(password.clientAddress()).isEmpty();
    assertThat(password.details()).startsWith("by: the owner");
    assertThat(onlyOne(AuditAction.SESSIONS_ENDED).actorId()).contains(owner.id());
    AuditEntry toggle = onlyOne(AuditAction.SIGNUP_SWITCH_CHANGED);
    assertThat(toggle.actorId()).contains(owner.id());
    assertThat(toggle.details()).isEqualTo("sign-up without a link: refused");
    assertThat(onlyOne(AuditAction.SHARED_LINK_RESET).channel()).isEqualTo("window");
    assertThat(onlyOne(AuditAction.DEACTIVATED).details()).isEqualTo("web sessions ended: 0");
  }

  /** A personal invitation's life: made, used (with the sign-up naming it), another revoked. */
  @Test
  void personalInvitationsAreMadeUsedAndRevokedOnceEach() throws Exception {
    var invitations = store.services.personalInvitations();
    var batch =
        window(owner)
            .call(
                () ->
                    invitations.invite(
                        owner.id(), List.of("grace@example.com", "alan@example.com"), 7));
    assertThat(batch.issued()).hasSize(2);
    var grace = batch.issued().get(0);
    var alan = batch.issued().get(1);
    invitations.redeem(grace.token(), "grace's own password 7");
    window(owner).run(() -> invitations.revoke(owner.id(), alan.invitation().id()));

    List<AuditEntry> made =
        all().stream().filter(e -> e.action() == AuditAction.INVITATION_CREATED).toList();
    assertThat(made).hasSize(2).allSatisfy(e -> assertThat(e.actorId()).contains(owner.id()));
    assertThat(made).anySatisfy(e -> assertThat(e.details()).contains("alan@example.com"));
    AuditEntry used = onlyOne(AuditAction.INVITATION_REDEEMED);
    assertThat(used.subject()).isEqualTo("grace@example.com");
    assertThat(used.details()).isEqualTo("invitation " + grace.invitation().id());
    assertThat(
            all().stream()
                .filter(e -> e.action() == AuditAction.SIGNED_UP)
                .filter(e -> e.subject().equals("grace@example.com"))
                .map(AuditEntry::details))
        .containsExactly("invitation: personal invitation " + grace.invitation().id());
    AuditEntry revoked = onlyOne(AuditAction.INVITATION_REVOKED);
    assertThat(revoked.actorId()).contains(owner.id());
    assertThat(revoked.details()).isEqualTo("invitation " + alan.invitation().id());
    assertThat(all())
        .noneSatisfy(e -> assertThat(e.details()).contains(grace.token()))
        .noneSatisfy(e -> assertThat(e.details()).contains(alan.token()));
  }

  @Test
  void theSignInScreensLogInAndSignOutNameThePersonThemselves() {
    AuditContext signInScreen = AuditContext.window(Optional.empty());
    signInScreen.run(
        () -> store.services.accounts().authenticate("ada@example.com", TestStore.PASSWORD));
    AuditEntry login = onlyOne(AuditAction.LOGGED_IN);
    assertThat(login.actorId()).contains(ada.id());
    assertThat(login.channel()).isEqualTo("window");
    window(ada).run(() -> store.services.sessions().signOutOfWindow(ada.id(), Optional.empty()));
    assertThat(onlyOne(AuditAction.LOGGED_OUT).actorId()).contains(ada.id());
  }

  @Test
  void theCommandLineIsTheActorOfAResetPassword() {
    AuditContext.commandLine()
        .run(() -> store.services.accounts().setPassword(ada.id(), "set on the command line"));
    AuditEntry e = onlyOne(AuditAction.PASSWORD_CHANGED);
    assertThat(e.actorId()).isEmpty();
    assertThat(e.actor()).isEqualTo("command line");
    assertThat(e.channel()).isEqualTo("command line");
    assertThat(e.details()).startsWith("by: the command line");
  }

  @Test
  void aFailedLogInIsKeptAndARefusedChangeLeavesNoEvent() {
    AuditContext web = AuditContext.web(Optional.empty(), "192.0.2.7");
    assertThatThrownBy(
            () ->
                web.call(() -> store.services.sessions().logIn("ada@example.com", "wrong", false)))
        .isInstanceOf(AuthenticationFailedException.class);
    AuditEntry failed = onlyOne(AuditAction.LOGIN_FAILED);
    assertThat(failed.clientAddress()).isEqualTo("192.0.2.7");
    assertThat(failed.details()).isEqualTo("wrong password");
    assertThat(failed.actor()).isEqualTo("visitor");

    assertThatThrownBy(() -> store.services.accounts().setPassword(ada.id(), TestStore.PASSWORD))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.services.administration().delete(ada.id(), owner.id()))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(all())
        .noneMatch(e -> e.action() == AuditAction.PASSWORD_CHANGED)
        .noneMatch(e -> e.action() == AuditAction.DELETED);
  }

  @Test
  void aSaveThatChangesNothingIsNoProfileEvent() {
    store.services.accounts().updateProfile(ada.id(), new ProfileUpdate("", "", ""));
    store.services.accounts().updateProfile(ada.id(), new ProfileUpdate("Ada", "L", ""));
    assertThat(onlyOne(AuditAction.PROFILE_CHANGED).details())
        .isEqualTo("changed: first_name, last_name");
  }

  @Test
  void onlyTheActiveOwnerReads() {
    assertThatThrownBy(() -> audit().page(ada.id(), AuditQuery.all()))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage(AuditTrail.OWNER_ONLY);
    assertThatThrownBy(
            () -> audit().export(ada.id(), AuditQuery.all(), AuditFormat.CSV, new StringBuilder()))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void pagesWalkTheWholeLogNewestFirstWithoutRepeats() {
    for (int i = 0; i < 120; i++) {
      store.clock.advance(Duration.ofMillis(i % 3 == 0 ? 0 : 7)); // some share an instant
      store.services.apiTokens().rotate(i % 2 == 0 ? ada.id() : owner.id());
    }
    List<AuditEntry> walked = walk(AuditQuery.all().limit(25));
    assertThat(walked).hasSize(122); // two sign-ups and 120 token resets
    assertThat(new HashSet<>(walked.stream().map(AuditEntry::id).toList())).hasSize(122);
    for (int i = 1; i < walked.size(); i++) {
      AuditEntry newer = walked.get(i - 1);
      AuditEntry older = walked.get(i);
      assertThat(
              older.time().isBefore(newer.time())
                  || (older.time().equals(newer.time()) && older.id() < newer.id()))
          .isTrue();
    }
    var adas = audit().page(owner.id(), AuditQuery.all().limit(500).forPerson(ada.id()));
    assertThat(adas.entries())
        .hasSize(61)
        .allMatch(e -> e.subjectId().equals(Optional.of(ada.id())));
    var signups =
        audit().page(owner.id(), AuditQuery.all().withAction(Optional.of(AuditAction.SIGNED_UP)));
    assertThat(signups.entries()).hasSize(2);
    var searched = audit().page(owner.id(), AuditQuery.all().limit(500).searching("ADA@"));
    assertThat(searched.entries()).hasSize(61);
    Instant now = store.clock.instant();
    var later =
        audit()
            .page(
                owner.id(),
                AuditQuery.all().between(Optional.of(now.plusSeconds(1)), Optional.empty()));
    assertThat(later.entries()).isEmpty();
  }

  /**
   * The History search (ADR 0021): each word must begin a word of the event as typed, punctuation
   * included; a rare one is read from the word index, a common one by walking the log, and both
   * page newest first without repeats.
   */
  @Test
  void searchFindsWhatBeginsAWordWhetherRareOrCommon() {
    // 6 000 events: subjects user1..user1000@example.com in turn, every 50th a failed log-in.
    BulkAuditEvents.seed(store.database, 6_000, store.clock.instant().minusSeconds(60));
    assertThat(searched("user417@"))
        .hasSize(6)
        .allMatch(e -> e.subject().equals("user417@example.com"));
    assertThat(searched("USER41")) // typing: user41, user410 ... user419
        .hasSize(66)
        .allMatch(e -> e.subject().matches("user41\\d?@example\\.com"));
    assertThat(searched("ser417")).as("the middle of a word").isEmpty();
    assertThat(searched("user417@ 192.168.166.")).hasSize(6); // user417 is always there
    // An address: each of its words is common, the run of them rare (addresses 192.168.166.x are
    // x = 167, 17, 67, 117, six events each).
    assertThat(searched("192.168.166.17"))
        .hasSize(6)
        .allMatch(e -> e.clientAddress().equals("192.168.166.17"));
    assertThat(searched("168.166.1")).as("from a word inside the address").hasSize(18);
    assertThat(searched("wrong password")).hasSize(120).allMatch(e -> !e.succeeded());
    assertThat(searched("visitor user417@")).isEmpty(); // no failed log-in for user417

    var common = audit().page(owner.id(), AuditQuery.all().searching("example.com"));
    assertThat(common.entries()).hasSize(50);
    assertThat(common.next()).isPresent();
    // A common beginning of words: the log is walked instead of the word index.
    var typing = audit().page(owner.id(), AuditQuery.all().searching("use"));
    assertThat(typing.entries()).hasSize(50).allMatch(e -> e.subject().startsWith("user"));
    assertThat(typing.entries().getFirst().time())
        .isAfterOrEqualTo(typing.entries().getLast().time());

    List<AuditEntry> walked = walk(AuditQuery.all().limit(25).searching("user41"));
    assertThat(walked).hasSize(66);
    assertThat(new HashSet<>(walked.stream().map(AuditEntry::id).toList())).hasSize(66);
    for (int i = 1; i < walked.size(); i++) {
      assertThat(walked.get(i).time()).isBeforeOrEqualTo(walked.get(i - 1).time());
    }

    // A common whole word (`example` in every event) read with a filter that only every 50th of
    // its entries meets: its entries are read batch after batch until each page is full.
    List<AuditEntry> failed =
        walk(
            AuditQuery.all()
                .limit(25)
                .searching("example.com")
                .withAction(Optional.of(AuditAction.LOGIN_FAILED)));
    assertThat(failed).hasSize(120).allMatch(e -> e.action() == AuditAction.LOGIN_FAILED);
    assertThat(new HashSet<>(failed.stream().map(AuditEntry::id).toList())).hasSize(120);

    store.services.apiTokens().rotate(ada.id());
    assertThat(searched("ada@"))
        .extracting(AuditEntry::action)
        .first()
        .isEqualTo(AuditAction.TOKEN_RESET);
    assertThat(
            audit()
                .page(owner.id(), AuditQuery.all().forPerson(ada.id()).searching("ada@"))
                .entries())
        .hasSize(2);
  }

  /** Every page of {@code query}, following each page's "older" cursor, newest first. */
  private List<AuditEntry> walk(AuditQuery query) {
    List<AuditEntry> walked = new ArrayList<>();
    while (true) {
      AuditPage page = audit().page(owner.id(), query);
      walked.addAll(page.entries());
      if (page.next().isEmpty()) {
        return walked;
      }
      query = query.olderThan(page.next());
    }
  }

  private List<AuditEntry> searched(String words) {
    return audit().page(owner.id(), AuditQuery.all().limit(500).searching(words)).entries();
  }

  @Test
  void aPersonsHistoryHoldsWhatTheyDidAndWhatWasDoneToThem() {
    store.services.administration().signOutEverywhere(owner.id(), ada.id());
    store.services.apiTokens().rotate(owner.id());
    var owners = audit().page(owner.id(), AuditQuery.all().forPerson(owner.id())).entries();
    assertThat(owners)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.TOKEN_RESET, AuditAction.SESSIONS_ENDED, AuditAction.SIGNED_UP);
  }

  @Test
  void retentionPrunesOnlyWhatIsOlderThanItByTheClock() {
    store.clock.advance(Duration.ofDays(300));
    store.services.apiTokens().rotate(ada.id());
    store.clock.advance(Duration.ofDays(70));
    assertThat(audit().prune(AuditRetention.days(365).keep())).isEqualTo(2); // the sign-ups
    assertThat(all()).extracting(AuditEntry::action).containsExactly(AuditAction.TOKEN_RESET);
    assertThat(searched("lead@")).as("the pruned sign-up's words went with it").isEmpty();
    assertThat(
            store
                .database
                .dsl()
                .fetchOne(
                    "SELECT COUNT(*) FROM audit_event_words w WHERE NOT EXISTS"
                        + " (SELECT 1 FROM audit_events e WHERE e.id = w.event_id)")
                .get(0, Integer.class))
        .isZero();
    assertThat(audit().prune(AuditRetention.days(365).keep())).isZero();
  }

  @Test
  void theRetentionSettingIsReadFromTheEnvironment() {
    assertThat(AuditRetention.fromEnvironment(java.util.Map.of()).keep())
        .isEqualTo(Duration.ofDays(365));
    assertThat(
            AuditRetention.fromEnvironment(java.util.Map.of(AuditRetention.VARIABLE, " 30 "))
                .keep())
        .isEqualTo(Duration.ofDays(30));
    for (String bad : List.of("0", "-1", "a year", "36501")) {
      assertThatThrownBy(
              () -> AuditRetention.fromEnvironment(java.util.Map.of(AuditRetention.VARIABLE, bad)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(AuditRetention.VARIABLE);
    }
  }

  @Test
  void anEventReachesTheChangeFeedAfterItsCommit() {
    List<ChangeKind> heard = new CopyOnWriteArrayList<>();
    store.services.changes().subscribe(change -> heard.add(change.kind()));
    store.services.apiTokens().rotate(ada.id());
    assertThat(heard).contains(ChangeKind.AUDIT_RECORDED);
  }
}
