package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.ProjectSummary;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeopleAndAdministrationIT {
  @TempDir Path dir;
  TestStore store;
  User owner;
  User jose;
  User marie;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    owner = store.create("lead@example.com");
    store.clock.advance(Duration.ofMinutes(1));
    jose = named(store.create("jose.garcia@labs.org"), "José", "García");
    store.clock.advance(Duration.ofMinutes(1));
    marie = named(store.create("mcurie@example.com"), "Marie", "Curie");
  }

  private User named(User user, String first, String last) {
    return store.services.accounts().updateProfile(user.id(), new ProfileUpdate(first, last, ""));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<Long> search(String text) {
    return store.services.people().page(UserQuery.firstPage(text, 50)).items().stream()
        .map(User::id)
        .toList();
  }

  @Test
  void searchMatchesTheStartOfAnyWordOfNameOrEmailIgnoringCaseAndAccents() {
    assertThat(search("jose")).containsExactly(jose.id());
    assertThat(search("GARC")).containsExactly(jose.id());
    assertThat(search("labs")).containsExactly(jose.id());
    assertThat(search("cur")).containsExactly(marie.id());
    assertThat(search("marie curie")).containsExactly(marie.id());
    assertThat(search("marie garcia")).isEmpty();
    assertThat(search("example")).containsExactlyInAnyOrder(owner.id(), marie.id());
    assertThat(search("urie")).as("middle of a word is not a match").isEmpty();
    assertThat(search("j_s%")).as("punctuation separates words; it is never a wildcard").isEmpty();
    assertThat(search("%")).as("only punctuation: no filter").hasSize(3);
    assertThat(search("")).hasSize(3);
  }

  @Test
  void preparingSearchChangesNothingAPersonSees() {
    var before = store.services.people().page(new UserQuery("", UserSort.NAME, false, 0, 50));
    store.services.people().buildSearchCopy();
    assertThat(store.services.people().page(new UserQuery("", UserSort.NAME, false, 0, 50)))
        .isEqualTo(before);
    assertThat(search("marie curie")).containsExactly(marie.id());
  }

  @Test
  void pagesAreSortedAndCounted() {
    var byName = store.services.people().page(new UserQuery("", UserSort.NAME, false, 0, 2));
    assertThat(byName.total()).isEqualTo(3);
    assertThat(byName.items()).extracting(User::id).containsExactly(jose.id(), owner.id());
    assertThat(byName.hasNext()).isTrue();
    var second = store.services.people().page(new UserQuery("", UserSort.NAME, false, 2, 2));
    assertThat(second.items()).extracting(User::id).containsExactly(marie.id());
    assertThat(second.hasNext()).isFalse();
    var newest = store.services.people().page(new UserQuery("", UserSort.DATE_JOINED, true, 0, 1));
    assertThat(newest.items()).extracting(User::id).containsExactly(marie.id());
  }

  @Test
  void activityListsCreatedAndContributedProjects() {
    var projects = store.services.projects();
    ProjectSummary mine = projects.create(jose.id(), "Street signs", "Bounding boxes");
    ProjectSummary theirs = projects.create(marie.id(), "Bird songs", "");
    projects.annotate(theirs.id(), jose.id(), "{\"label\": \"robin\"}");
    projects.annotate(theirs.id(), jose.id(), "{\"label\": \"wren\"}");

    var activity = store.services.people().activityOf(jose.id());
    assertThat(activity.created())
        .extracting(ProjectSummary::title)
        .containsExactly("Street signs");
    assertThat(activity.contributedTo())
        .extracting(ProjectSummary::title)
        .containsExactly("Bird songs");
    assertThat(mine.createdBy()).contains(jose.id());
    assertThatThrownBy(() -> projects.annotate(9999, jose.id(), "{}"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyTheOwnerDeactivatesAndDeactivationEndsSessionsAndTokens() {
    var admin = store.services.administration();
    assertThatThrownBy(() -> admin.setActive(jose.id(), marie.id(), false))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage("Only the owner can deactivate, activate or delete accounts.");
    String token = store.services.apiTokens().tokenOf(marie.id());
    var session = store.services.sessions().start(marie.id(), false);

    admin.setActive(owner.id(), marie.id(), false);

    assertThat(store.services.apiTokens().authenticate(token)).isEmpty();
    assertThat(store.services.sessions().find(session.id())).isEmpty();
    admin.setActive(owner.id(), marie.id(), true);
    assertThat(store.services.apiTokens().authenticate(token)).map(User::id).contains(marie.id());
  }

  @Test
  void theOwnerCanBeNeitherDeletedNorDeactivated() {
    var admin = store.services.administration();
    assertThatThrownBy(() -> admin.delete(owner.id(), owner.id()))
        .hasMessage("The owner account cannot be deleted.");
    assertThatThrownBy(() -> admin.setActive(owner.id(), owner.id(), false))
        .hasMessage("The owner account cannot be deactivated.");
    assertThatThrownBy(() -> admin.delete(jose.id(), marie.id()))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void deletingAnAccountKeepsItsProjects() {
    var project = store.services.projects().create(marie.id(), "Bird songs", "");
    store.services.administration().delete(owner.id(), marie.id());
    assertThat(store.services.people().find(marie.id())).isEmpty();
    assertThat(store.services.projects().all())
        .extracting(ProjectSummary::id)
        .containsExactly(project.id());
    assertThat(store.services.projects().all().get(0).createdBy()).isEmpty();
    assertThatThrownBy(() -> store.services.administration().delete(owner.id(), marie.id()))
        .isInstanceOf(NotFoundException.class);
  }
}
