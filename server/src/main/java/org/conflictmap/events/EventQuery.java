package org.conflictmap.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * A filter over stored events. Empty optionals mean "no constraint"; the date interval is inclusive
 * at both ends and an event matches when its date (the first day of a range) lies inside it. An
 * empty {@code types} set means every type; {@code text} matches place names, sentences and article
 * titles, ignoring case. {@code zone} is a zone id: only events located inside that zone match.
 */
public record EventQuery(
    Optional<Envelope> bbox,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    int limit,
    Set<String> types,
    Optional<String> text,
    Optional<Long> zone,
    OptionalDouble minConfidence) {
  public static final int DEFAULT_LIMIT = 1000;
  public static final int MAX_LIMIT = 10_000;

  public EventQuery {
    types = Set.copyOf(types);
  }

  /** A filter with no confidence floor. */
  public EventQuery(
      Optional<Envelope> bbox,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      int limit,
      Set<String> types,
      Optional<String> text,
      Optional<Long> zone) {
    this(bbox, from, to, limit, types, text, zone, OptionalDouble.empty());
  }

  /**
   * The same query keeping only events whose type confidence is at least {@code min} (events stored
   * without a confidence are left out too): the map's "hide uncertain events".
   */
  public EventQuery withMinConfidence(OptionalDouble min) {
    return new EventQuery(bbox, from, to, limit, types, text, zone, min);
  }

  /** A filter by place and date only. */
  public EventQuery(
      Optional<Envelope> bbox, Optional<LocalDate> from, Optional<LocalDate> to, int limit) {
    this(bbox, from, to, limit, Set.of(), Optional.empty(), Optional.empty());
  }

  /**
   * The same query restricted to the events inside a zone (see {@code ZoneEventStore#INSIDE} for
   * what counts as inside).
   */
  public EventQuery inZone(long zoneId) {
    return new EventQuery(bbox, from, to, limit, types, text, Optional.of(zoneId), minConfidence);
  }

  public static EventQuery all() {
    return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }
}
