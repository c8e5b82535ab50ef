package com.siali.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sets of services over one database stand for two processes on one PostgreSQL: each one's
 * caches follow what the other writes, through the change feed, within a second.
 */
class SharedDatabaseIT {
  @TempDir Path dir;
  TestStore store;
  Services other;

  @BeforeEach
  void open() {
    store = new TestStore(dir.resolve("data"));
    other =
        Services.over(
            store.database,
            store.directory.avatars(),
            PasswordHasher.withDefaults(),
            PasswordPolicy.standard(),
            Clock.systemUTC());
    store.services.changes().follow(store.database, Duration.ofMillis(100));
    other.changes().follow(store.database, Duration.ofMillis(100));
  }

  @AfterEach
  void close() {
    other.changes().close();
    store.close();
  }

  @Test
  void aTokenRotatedInOneIsRefusedByTheOtherWithinASecond() {
    User ada = store.create("ada@example.com");
    String old = store.services.apiTokens().tokenOf(ada.id());
    assertThat(other.apiTokens().authenticate(old)).as("now cached by the other").isPresent();
    store.services.apiTokens().rotate(ada.id());
    within(() -> other.apiTokens().authenticate(old).isEmpty());
  }

  @Test
  void aSignUpInOneIsFoundByTheOthersSearchWithinASecond() {
    store.create("lead@example.com");
    other.people().buildSearchCopy();
    assertThat(search(other, "grace")).isZero();
    store.services.accounts().create(NewAccount.of("grace@example.com", TestStore.PASSWORD));
    within(() -> search(other, "grace") == 1);
  }

  @Test
  void aDeactivationInOneEndsTheTokenInTheOther() {
    User lead = store.create("lead@example.com");
    User ada = store.create("ada@example.com");
    String token = other.apiTokens().tokenOf(ada.id());
    assertThat(other.apiTokens().authenticate(token)).isPresent();
    store.services.administration().setActive(lead.id(), ada.id(), false);
    within(() -> other.apiTokens().authenticate(token).isEmpty());
  }

  @Test
  void aDeactivationOrActivityInOneShowsInTheOthersListWithinASecond() {
    User lead = store.create("lead@example.com");
    User ada = store.create("ada@example.com");
    other.people().buildSearchCopy();
    assertThat(found(other, "ada").active()).isTrue(); // the other now holds Ada's row in memory

    store.services.administration().setActive(lead.id(), ada.id(), false);
    within(() -> !found(other, "ada").active());

    Instant before = found(other, "ada").lastActivity();
    store.clock.advance(Duration.ofMinutes(5));
    store.services.accounts().recordActivity(ada.id());
    within(() -> found(other, "ada").lastActivity().isAfter(before));
  }

  private static User found(Services services, String text) {
    return services
        .people()
        .page(new UserQuery(text, UserSort.NAME, false, 0, 10))
        .items()
        .getFirst();
  }

  private static long search(Services services, String text) {
    return services.people().page(new UserQuery(text, UserSort.NAME, false, 0, 10)).total();
  }

  private static void within(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 1 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
