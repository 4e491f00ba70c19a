package org.conflictmap.events;

import java.time.LocalDate;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A filter over stored events. Empty optionals mean "no constraint"; the date interval is inclusive
 * at both ends and an event matches when its date lies inside it.
 */
public record EventQuery(
    Optional<Envelope> bbox, Optional<LocalDate> from, Optional<LocalDate> to, int limit) {
  public static final int DEFAULT_LIMIT = 1000;
  public static final int MAX_LIMIT = 10_000;

  public static EventQuery all() {
    return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }
}
