package com.siali.label.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackedRowsTest {
  private static User user(long id, String first, Optional<String> avatar, boolean active) {
    return new User(
        id,
        EmailAddress.parse("user" + id + "@example.com"),
        first,
        "Lovelace",
        "+44 20 7946 0000",
        avatar,
        active,
        id == 1,
        Instant.parse("2026-01-15T10:00:00.123456789Z"),
        Instant.parse("2031-05-06T07:08:09.000001Z"));
  }

  @Test
  void aRowComesBackAsItWasPut() {
    PackedRows rows = new PackedRows();
    User owner = user(1, "Ada", Optional.of("c0ffee.png"), true);
    User deactivated = user(7, "", Optional.empty(), false);
    rows.put(owner);
    rows.put(deactivated);

    assertThat(rows.get(1)).isEqualTo(owner);
    assertThat(rows.get(7)).isEqualTo(deactivated);
    assertThat(rows.get(2)).isNull();
    assertThat(rows.get(-1)).isNull();
  }

  @Test
  void aRowThatCannotBePackedIsNotHeld() {
    PackedRows rows = new PackedRows();
    rows.put(user(3, "Ada", Optional.empty(), true));
    rows.put(user(3, "A\u0000da", Optional.empty(), true)); // replaces the held row: not kept stale
    rows.put(user(10_000_000, "Ada", Optional.empty(), true)); // far beyond the 1 row held

    assertThat(rows.holds(3)).isFalse();
    assertThat(rows.holds(10_000_000)).isFalse();
  }

  @Test
  void removedAndClearedRowsAreGone() {
    PackedRows rows = new PackedRows();
    rows.put(user(1, "Ada", Optional.empty(), true));
    rows.put(user(2, "Grace", Optional.empty(), true));
    rows.remove(1);
    assertThat(rows.holds(1)).isFalse();
    assertThat(rows.get(2).firstName()).isEqualTo("Grace");
    rows.clear();
    assertThat(rows.holds(2)).isFalse();
  }
}
