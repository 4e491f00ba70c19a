package org.conflictmap.events;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conflictmap.problem.InputException;

/**
 * An editor's change to an event: only the fields given, each already checked on its own (see
 * {@link CorrectionJson}). {@link #check} then checks the change against the event it applies to. A
 * value may be null where the field allows it: no figure stated, a single day.
 */
public record EventCorrection(Map<Field, Object> values) {

  /** The fields an editor may correct, by their wire (and history) names. */
  public enum Field {
    PLACE("place_key"),
    LAT("lat"),
    LON("lon"),
    EVENT_TYPE("event_type"),
    SUB_EVENT_TYPE("sub_event_type"),
    EVENT_DATE("event_date"),
    EVENT_DATE_END("event_date_end"),
    TIME_PRECISION("time_precision"),
    GEO_PRECISION("geo_precision"),
    FATALITIES("fatalities"),
    INJURIES("injuries"),
    PLANNED("planned"),
    ACTORS("actors");

    private final String wire;

    Field(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** A gazetteer place an event is moved to. */
  public record PlaceValue(
      String key,
      Long geonameId,
      String name,
      String countryCode,
      String precision,
      int geoPrecision,
      double lat,
      double lon) {}

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  public EventCorrection {
    EnumMap<Field, Object> copy = new EnumMap<>(Field.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
  }

  public boolean has(Field f) {
    return values.containsKey(f);
  }

  public Object get(Field f) {
    return values.get(f);
  }

  /**
   * Refuses a change that makes the event inconsistent: a sub-type of another type, a range that
   * ends before it starts, a date after {@code today} for an event that is not planned. Returns the
   * correction completed with what follows from it: a new type whose current sub-type no longer
   * fits clears the sub-type.
   */
  public EventCorrection check(Event current, LocalDate today) {
    Map<Field, Object> out = new EnumMap<>(Field.class);
    out.putAll(values);
    String type = has(Field.EVENT_TYPE) ? (String) get(Field.EVENT_TYPE) : current.eventType();
    if (has(Field.SUB_EVENT_TYPE)) {
      String sub = (String) get(Field.SUB_EVENT_TYPE);
      if (sub != null && !AcledTypes.SUB_TYPES.getOrDefault(type, List.of()).contains(sub)) {
        throw unprocessable(
            "Sub-event type does not fit the type",
            "'"
                + sub
                + "' is a sub-event type of "
                + AcledTypes.typeOf(sub).orElse("another type")
                + ", not of '"
                + type
                + "'; give event_type too, or one of "
                + AcledTypes.SUB_TYPES.getOrDefault(type, List.of()));
      }
    } else if (has(Field.EVENT_TYPE)
        && current.subEventType() != null
        && !AcledTypes.SUB_TYPES.getOrDefault(type, List.of()).contains(current.subEventType())) {
      out.put(Field.SUB_EVENT_TYPE, null);
    }
    LocalDate from =
        has(Field.EVENT_DATE) ? (LocalDate) get(Field.EVENT_DATE) : current.eventDate();
    LocalDate to =
        has(Field.EVENT_DATE_END) ? (LocalDate) get(Field.EVENT_DATE_END) : current.eventDateEnd();
    if (to != null && to.isBefore(from)) {
      throw unprocessable(
          "Invalid date range",
          "event_date_end "
              + to
              + " is before event_date "
              + from
              + "; a range ends on or after it starts");
    }
    boolean planned = has(Field.PLANNED) ? (Boolean) get(Field.PLANNED) : current.planned();
    if (has(Field.EVENT_DATE)) {
      checkDay(from, planned, today);
    }
    if (has(Field.EVENT_DATE_END) && to != null) {
      checkDay(to, planned, today);
    }
    if (Objects.equals(to, from) && has(Field.EVENT_DATE_END)) {
      out.put(Field.EVENT_DATE_END, null); // a range of one day is that day
    }
    return new EventCorrection(out);
  }

  private static void checkDay(LocalDate d, boolean planned, LocalDate today) {
    if (!planned && d.isAfter(today)) {
      throw unprocessable(
          "Date in the future", d + " is after today; only a planned event lies ahead");
    }
    if (d.isBefore(EARLIEST)) {
      throw unprocessable("Implausible date", d + " is before " + EARLIEST);
    }
  }

  static InputException unprocessable(String title, String detail) {
    return new InputException(InputException.Kind.UNPROCESSABLE, title, detail);
  }
}
