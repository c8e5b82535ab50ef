package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.persistence.AuditSearchWords.Part;
import org.junit.jupiter.api.Test;

class AuditSearchWordsTest {
  @Test
  void anEventKeepsItsWordsAndEachRunFromAWordToTheNextSpace() {
    assertThat(AuditSearchWords.of("Ada Lovelace", "Ada@Example.com", "(192.168.166.17)", "-"))
        .containsExactlyInAnyOrder(
            "ada",
            "lovelace",
            "example",
            "com",
            "ada@example.com",
            "example.com",
            "192",
            "168",
            "166",
            "17",
            "192.168.166.17)",
            "168.166.17)",
            "166.17)",
            "17)");
  }

  @Test
  void aSearchWordWithPunctuationAfterItsFirstWordIsAlsoTheBeginningOfARun() {
    assertThat(AuditSearchWords.parts("192.168.166.17"))
        .containsExactly(
            new Part("192", true),
            new Part("168", true),
            new Part("166", true),
            new Part("17", false),
            new Part("192.168.166.17", false));
    assertThat(AuditSearchWords.parts("User417@"))
        .containsExactly(new Part("user417", true), new Part("user417@", false));
    assertThat(AuditSearchWords.parts("user41")).containsExactly(new Part("user41", false));
    assertThat(AuditSearchWords.parts("@example")).containsExactly(new Part("example", false));
  }

  @Test
  void wordsAndRunsAreClippedAsStored() {
    String long70 = "a".repeat(70);
    assertThat(AuditSearchWords.of(long70 + ".b")).containsExactlyInAnyOrder("a".repeat(64), "b");
    assertThat(AuditSearchWords.parts(long70 + "."))
        .containsExactly(new Part("a".repeat(64), false));
  }
}
