package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The serial collector's old generation under promoted garbage, in child JVMs with the
 * application's heap options: without {@link OldGenerationCompaction} it grows toward the heap's
 * limit, with it it stays near its live data.
 */
class OldGenerationCompactionIT {
  private static final Pattern LARGEST = Pattern.compile("largest old generation: (\\d+) MB");

  @Test
  void promotedGarbageNoLongerGrowsTheOldGeneration() throws Exception {
    int without = largestOldGeneration(false);
    int with = largestOldGeneration(true);
    assertThat(without)
        .as("the workload grows the old generation when nothing collects it")
        .isGreaterThan(150);
    assertThat(with).as("with the compaction (without it: %d MB)", without).isLessThan(80);
  }

  private static int largestOldGeneration(boolean compacting) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-XX:+UseSerialGC",
                    "-Xms48m",
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    PromotedGarbage.class.getName(),
                    Boolean.toString(compacting)))
            .redirectErrorStream(true)
            .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    Matcher largest = LARGEST.matcher(out);
    assertThat(largest.find()).as(out).isTrue();
    return Integer.parseInt(largest.group(1));
  }
}
