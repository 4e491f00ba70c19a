package org.conflictmap.zones;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happened inside a zone: event counts per type and fatalities, in total and per period.
 *
 * @param interval day, week (ISO weeks, starting Monday) or month
 * @param series one bucket per period from the first to the last, empty periods included, so a
 *     chart's gaps are real
 */
public record ZoneStats(
    long zoneId, String interval, Bucket total, List<Bucket> series, Exclusions excluded) {

  /** Counts for one period (or for all, with {@code start} null). */
  public record Bucket(LocalDate start, long events, long fatalities, Map<String, Long> byType) {}

  /** Events near the zone that were not counted, and why. */
  public record Exclusions(long count, List<Reason> reasons) {}

  /**
   * @param precision region or country
   */
  public record Reason(String precision, long count, String why) {}
}
