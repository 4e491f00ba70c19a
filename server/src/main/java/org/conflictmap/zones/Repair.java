package org.conflictmap.zones;

import java.util.List;

/**
 * What {@link ZoneGeometry} changed to make an invalid polygon valid: the fault JTS found, where,
 * and how much the repair changed the area (never more than {@link
 * GeometryRepair#MAX_AREA_CHANGE}).
 *
 * @param location [lon, lat] of the fault, or empty when JTS gives none
 * @param areaChangePercent |repaired area - original area| / original area, in percent
 */
public record Repair(String reason, List<Double> location, double areaChangePercent) {
  public Repair {
    location = List.copyOf(location);
  }

  /** One sentence for a person: what was wrong, where, and what the repair cost. */
  public String summary() {
    String where =
        location.isEmpty() ? "" : " near [" + location.get(0) + ", " + location.get(1) + "]";
    return String.format(
        java.util.Locale.ROOT,
        "The geometry was invalid (%s%s) and was repaired with JTS GeometryFixer; the area changed"
            + " by %.3f%%.",
        reason,
        where,
        areaChangePercent);
  }
}
