package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import org.junit.jupiter.api.Test;

class OldGenerationCompactionTest {
  private static final long MB = 1024 * 1024;

  @Test
  void collectsWhenTheGarbageOutweighsWhatLivedAndIsWorthAFullCollection() {
    long roomy = 512 * MB;
    assertThat(OldGenerationCompaction.worthIt(30 * MB, roomy, 16 * MB))
        .as("14 MB of garbage in a roomy generation: under the least worth collecting")
        .isFalse();
    assertThat(OldGenerationCompaction.worthIt(41 * MB, roomy, 16 * MB))
        .as("25 MB of garbage over 16 MB live")
        .isTrue();
    assertThat(OldGenerationCompaction.worthIt(150 * MB, roomy, 80 * MB))
        .as("70 MB of garbage over 80 MB live: under twice its live data")
        .isFalse();
    assertThat(OldGenerationCompaction.worthIt(170 * MB, roomy, 80 * MB)).isTrue();
  }

  @Test
  void collectsANearlyFullGenerationBeforeItGrows() {
    assertThat(OldGenerationCompaction.worthIt(35 * MB, 42 * MB, 21 * MB))
        .as("four-fifths full with 14 MB of garbage")
        .isTrue();
    assertThat(OldGenerationCompaction.worthIt(33 * MB, 42 * MB, 21 * MB))
        .as("not yet four-fifths full")
        .isFalse();
    assertThat(OldGenerationCompaction.worthIt(40 * MB, 42 * MB, 36 * MB))
        .as("full of live data: a collection would free too little; let it grow")
        .isFalse();
    assertThat(OldGenerationCompaction.worthIt(20 * MB, 24 * MB, 0))
        .as("before any full collection, a full young heap's start")
        .isTrue();
  }

  @Test
  void watchesTheSerialCollectorsOldGenerationAndNoOther() {
    boolean serial =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
    assertThat(OldGenerationCompaction.serialOldGeneration().map(MemoryPoolMXBean::getName))
        .isEqualTo(serial ? java.util.Optional.of("Tenured Gen") : java.util.Optional.empty());
  }
}
