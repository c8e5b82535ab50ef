package com.siali.label.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PythonReprTest {

  @Test
  void stringsUsePythonsQuotingRules() {
    assertThat(PythonRepr.string("plain")).isEqualTo("'plain'");
    assertThat(PythonRepr.string("doesn't")).isEqualTo("\"doesn't\"");
    assertThat(PythonRepr.string("both ' and \"")).isEqualTo("'both \\' and \"'");
    assertThat(PythonRepr.string("tab\tback\\slash\nnew")).isEqualTo("'tab\\tback\\\\slash\\nnew'");
    assertThat(PythonRepr.string("bell\u0007")).isEqualTo("'bell\\x07'");
    assertThat(PythonRepr.string("José")).isEqualTo("'José'");
  }

  /**
   * Found with PythonReprFuzzTest's one-line property: U+2028 and U+0085 were printed as they are,
   * and Python's {@code str.splitlines()} broke the dict line in two.
   */
  @Test
  void nonPrintablesAreEscapedAsPythonDoesSoTheDictStaysOneLine() {
    assertThat(PythonRepr.string("Ana\u2028Mar\u00eda")).isEqualTo("'Ana\\u2028María'");
    assertThat(PythonRepr.string("L\u00f3pez\u0085")).isEqualTo("'López\\x85'");
    assertThat(PythonRepr.string("no\u00a0break\u200djoin\ufffe"))
        .isEqualTo("'no\\xa0break\\u200djoin\\ufffe'");
    assertThat(PythonRepr.string("lone \ud800 tag \udb40\udc01"))
        .isEqualTo("'lone \\ud800 tag \\U000e0001'");
    assertThat(PythonRepr.string("✓ 😀 ä")).isEqualTo("'✓ 😀 ä'");
  }

  @Test
  void valuesAndDicts() {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", 1L);
    map.put("avatar", null);
    map.put("ok", true);
    assertThat(PythonRepr.dict(map)).isEqualTo("{'id': 1, 'avatar': None, 'ok': True}");
  }

  @Test
  void userInfoHasLabelStudiosKeysInOrder() {
    Instant at = Instant.parse("2021-06-15T19:37:29.594618Z");
    User user =
        new User(
            1,
            EmailAddress.parse("example@labelstud.io"),
            "User",
            "Somebody",
            "",
            Optional.of("071280b8.jpg"),
            true,
            true,
            at,
            at);
    assertThat(UserInfoLine.of(user, "1bc2c33cb44e56cb9f1e191238ffb78564675faa"))
        .isEqualTo(
            "{'id': 1, 'first_name': 'User', 'last_name': 'Somebody', 'username': 'example', "
                + "'email': 'example@labelstud.io', 'last_activity': '2021-06-15T19:37:29.594618Z', "
                + "'avatar': '/data/avatars/071280b8.jpg', 'initials': 'US', 'phone': '', 'active_organization': 1, "
                + "'token': '1bc2c33cb44e56cb9f1e191238ffb78564675faa', 'status': 'ok'}");
  }

  @Test
  void timestampsAlwaysHaveMicroseconds() {
    assertThat(UserInfoLine.timestamp(Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo("2026-01-01T00:00:00.000000Z");
  }

  @Test
  void unknownUserLine() {
    assertThat(UserInfoLine.unknownUser("who@example.com"))
        .isEqualTo("{'status': 'error', 'message': \"user who@example.com doesn't exist\"}");
  }

  @Test
  void environmentFlagsAcceptTheUsualSpellings() {
    for (String yes : new String[] {"true", "TRUE", "yes", "On", "1", " true "}) {
      assertThat(EnvironmentFlag.parse("X", yes)).contains(true);
    }
    for (String no : new String[] {"false", "No", "off", "0"}) {
      assertThat(EnvironmentFlag.parse("X", no)).contains(false);
    }
    assertThat(EnvironmentFlag.parse("X", null)).isEmpty();
    Assertions.assertThatThrownBy(() -> EnvironmentFlag.parse("LABEL_STUDIO_X", "maybe"))
        .hasMessageContaining("LABEL_STUDIO_X")
        .hasMessageContaining("maybe");
  }
}
