package org.conflictmap.zones;

import java.time.Instant;
import java.util.List;

/**
 * One change to a zone: its number (1 for the creation), what kind of change, who made it and when,
 * which fields it altered, and the zone as it stood after it (for a deletion: as it was).
 *
 * @param action created, updated, imported or deleted
 * @param changes the fields altered (name, kind, description, style, valid_from, valid_to,
 *     geometry); all of them for a creation
 */
public record ZoneVersion(
    long zoneId,
    int version,
    String action,
    String editor,
    Instant changedAt,
    List<String> changes,
    Zone zone) {
  public ZoneVersion {
    changes = List.copyOf(changes);
  }
}
