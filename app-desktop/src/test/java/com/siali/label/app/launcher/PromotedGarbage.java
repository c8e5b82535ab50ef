package com.siali.label.app.launcher;

import java.lang.management.MemoryPoolMXBean;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM's workload for {@link OldGenerationCompactionIT}: under the serial collector it makes
 * objects that outlive a few young collections and then die (as database pages and forgotten cache
 * rows do), 20 MB a second for a few seconds, with or without {@link OldGenerationCompaction}, and
 * prints the largest size the old generation was given.
 */
public final class PromotedGarbage {
  private PromotedGarbage() {}

  public static void main(String[] args) throws Exception {
    boolean compacting = Boolean.parseBoolean(args[0]);
    MemoryPoolMXBean old = OldGenerationCompaction.serialOldGeneration().orElseThrow();
    OldGenerationCompaction compaction =
        compacting ? OldGenerationCompaction.start(100, 100, TimeUnit.MILLISECONDS) : null;
    byte[][] window = new byte[24][];
    long largest = 0;
    for (int i = 0; i < 240; i++) {
      window[i % window.length] = new byte[1024 * 1024];
      largest = Math.max(largest, old.getUsage().getCommitted());
      Thread.sleep(25);
    }
    if (compaction != null) {
      compaction.close();
    }
    System.out.println("largest old generation: " + (largest >> 20) + " MB");
  }
}
