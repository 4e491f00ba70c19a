package org.conflictmap.bench;

import java.lang.management.ManagementFactory;

/** The heap a benchmark's objects retain. */
final class Heap {
  private Heap() {}

  /**
   * Heap in use after garbage collection, the least of five tries: one {@code System.gc()} may not
   * finish what the collector has started, and the least reading is the one closest to what is
   * live.
   */
  static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
