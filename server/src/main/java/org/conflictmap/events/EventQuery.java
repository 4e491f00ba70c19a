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
 *
 * <p>A {@code bbox} whose maxX is above 180 crosses the antimeridian: it covers minX..180 and
 * -180..(maxX - 360). {@code countries} are ISO 3166-1 alpha-2 codes, {@code actor} a substring of
 * an actor's name (any case), {@code precisions} ACLED geo-precisions 1–3, {@code minFatalities}
 * the least stated death toll. {@code after} is a keyset cursor: only events that come after it in
 * the list order (newest first, then highest id) match. {@code minConfidence} keeps only events
 * whose type confidence is at least that (events stored without one are left out too).
 */
public record EventQuery(
    Optional<Envelope> bbox,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    int limit,
    Set<String> types,
    Optional<String> text,
    Optional<Long> zone,
    Set<String> countries,
    Optional<String> actor,
    Set<Integer> precisions,
    Optional<Integer> minFatalities,
    Optional<Cursor> after,
    OptionalDouble minConfidence) {
  public static final int DEFAULT_LIMIT = 1000;
  public static final int MAX_LIMIT = 10_000;

  /** A place in the list order: the last event of a page, after which the next page starts. */
  public record Cursor(LocalDate date, long id) {}

  public EventQuery {
    types = Set.copyOf(types);
    countries = Set.copyOf(countries);
    precisions = Set.copyOf(precisions);
  }

  /** A filter by place, date, type, text and zone. */
  public EventQuery(
      Optional<Envelope> bbox,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      int limit,
      Set<String> types,
      Optional<String> text,
      Optional<Long> zone) {
    this(
        bbox,
        from,
        to,
        limit,
        types,
        text,
        zone,
        Set.of(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
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
    return with(bbox, Optional.of(zoneId), after, minConfidence);
  }

  /**
   * The same query keeping only events whose type confidence is at least {@code min} (events stored
   * without a confidence are left out too): the map's "hide uncertain events".
   */
  public EventQuery withMinConfidence(OptionalDouble min) {
    return with(bbox, zone, after, min);
  }

  /** The same query within another box (or none). */
  public EventQuery withBbox(Optional<Envelope> box) {
    return with(box, zone, after, minConfidence);
  }

  /** The same query starting after this cursor. */
  public EventQuery after(Cursor cursor) {
    return with(bbox, zone, Optional.of(cursor), minConfidence);
  }

  /** The same query from the first page on. */
  public EventQuery fromStart() {
    return with(bbox, zone, Optional.empty(), minConfidence);
  }

  /** This query with the components the withers change replaced, every other one kept. */
  private EventQuery with(
      Optional<Envelope> box, Optional<Long> zoneId, Optional<Cursor> cursor, OptionalDouble min) {
    return new EventQuery(
        box,
        from,
        to,
        limit,
        types,
        text,
        zoneId,
        countries,
        actor,
        precisions,
        minFatalities,
        cursor,
        min);
  }

  /** Whether the box crosses the antimeridian (see the class comment). */
  public static boolean crossesAntimeridian(Envelope box) {
    return box.getMinX() <= 180 && box.getMaxX() > 180;
  }

  public static EventQuery all() {
    return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }
}
