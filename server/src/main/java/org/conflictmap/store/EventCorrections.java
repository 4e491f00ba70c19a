package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.conflictmap.events.Actor;
import org.conflictmap.events.Correction;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventCorrection;
import org.conflictmap.events.EventCorrection.Field;

/**
 * Applies editors' corrections and deletions, logging each changed field in {@code
 * event_corrections}. A logged field is one {@link EventSources#refresh} leaves alone from then on.
 */
final class EventCorrections {
  private EventCorrections() {}

  /** A column to set: its value and the SQL type to use when the value is null. */
  private record Assignment(String column, Object value, int sqlType) {}

  static Optional<Event> apply(
      Connection c, long id, String editor, EventCorrection correction, LocalDate today)
      throws SQLException {
    if (!lockLive(c, id)) {
      return Optional.empty();
    }
    Event current = EventRows.byIds(c, List.of(id)).get(0);
    EventCorrection checked = correction.check(current, today);
    List<Assignment> sets = new ArrayList<>();
    List<String[]> log = new ArrayList<>();
    double lat = current.lat();
    double lon = current.lon();
    if (checked.get(Field.PLACE) instanceof EventCorrection.PlaceValue p
        && !p.key().equals(current.placeKey())) {
      sets.add(new Assignment("place_key", p.key(), Types.VARCHAR));
      sets.add(new Assignment("place_id", p.geonameId(), Types.BIGINT));
      sets.add(new Assignment("place_name", p.name(), Types.VARCHAR));
      sets.add(new Assignment("country_code", p.countryCode(), Types.VARCHAR));
      sets.add(new Assignment("precision", p.precision(), Types.VARCHAR));
      log.add(
          entry(
              Field.PLACE.wire(),
              label(current.placeKey(), current.placeName()),
              label(p.key(), p.name())));
      // the place brings its point and precision unless the editor gives them too
      lat = p.lat();
      lon = p.lon();
      if (!checked.has(Field.GEO_PRECISION)) {
        change(sets, log, Field.GEO_PRECISION, current.geoPrecision(), p.geoPrecision());
      }
    }
    if (checked.has(Field.LAT)) {
      lat = (Double) checked.get(Field.LAT);
    }
    if (checked.has(Field.LON)) {
      lon = (Double) checked.get(Field.LON);
    }
    change(sets, log, Field.LAT, current.lat(), lat);
    change(sets, log, Field.LON, current.lon(), lon);
    if (lat != current.lat() || lon != current.lon()) {
      sets.add(new Assignment("geom", SqlValues.wkb(SqlValues.point(lon, lat)), Types.BINARY));
    }
    for (Map.Entry<Field, Object> e : checked.values().entrySet()) {
      Field f = e.getKey();
      switch (f) {
        case PLACE, LAT, LON -> {} // done above
        case ACTORS -> {
          @SuppressWarnings("unchecked")
          List<Actor> actors = (List<Actor>) e.getValue();
          String before = names(current.actors());
          String after = names(actors);
          if (!Objects.equals(before, after)) {
            sets.add(new Assignment("actors", ActorsJson.write(actors), Types.VARCHAR));
            log.add(entry(f.wire(), before, after));
          }
        }
        default -> change(sets, log, f, currentValue(current, f), e.getValue());
      }
    }
    if (!sets.isEmpty()) {
      update(c, id, sets);
      insertLog(c, id, editor, log);
    }
    return Optional.of(EventRows.byIds(c, List.of(id)).get(0));
  }

  /** Marks the event deleted; false when there is no live event with this id. */
  static boolean delete(Connection c, long id, String editor) throws SQLException {
    if (!lockLive(c, id)) {
      return false;
    }
    Instant now = SqlValues.now();
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE events SET deleted_at = ?, deleted_by = ? WHERE id = ?")) {
      SqlValues.setInstant(ps, 1, now);
      ps.setString(2, editor);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
    List<String[]> log = new ArrayList<>();
    log.add(entry("deleted", "false", "true"));
    insertLog(c, id, editor, log);
    return true;
  }

  /** The event's corrections, oldest first; empty if no event (live or deleted) has this id. */
  static Optional<List<Correction>> history(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM events WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    List<Correction> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT editor, corrected_at, field, old_value, new_value FROM event_corrections"
                + " WHERE event_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Correction(
                  rs.getString("editor"),
                  SqlValues.getInstant(rs, "corrected_at"),
                  rs.getString("field"),
                  rs.getString("old_value"),
                  rs.getString("new_value")));
        }
      }
    }
    return Optional.of(out);
  }

  /** Locks the live event's row against concurrent merges and corrections. */
  private static boolean lockLive(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM events WHERE id = ? AND " + "deleted_at IS NULL FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Object currentValue(Event e, Field f) {
    return switch (f) {
      case EVENT_TYPE -> e.eventType();
      case SUB_EVENT_TYPE -> e.subEventType();
      case EVENT_DATE -> e.eventDate();
      case EVENT_DATE_END -> e.eventDateEnd();
      case TIME_PRECISION -> e.timePrecision();
      case GEO_PRECISION -> e.geoPrecision();
      case FATALITIES -> e.fatalities();
      case INJURIES -> e.injuries();
      case PLANNED -> e.planned();
      case PLACE -> e.placeKey();
      case LAT -> e.lat();
      case LON -> e.lon();
      case ACTORS -> e.actors();
    };
  }

  private static void change(
      List<Assignment> sets, List<String[]> log, Field f, Object before, Object after) {
    if (Objects.equals(before, after)) {
      return;
    }
    sets.add(new Assignment(f.wire(), after, sqlType(f)));
    log.add(entry(f.wire(), text(before), text(after)));
  }

  private static int sqlType(Field f) {
    return switch (f) {
      case EVENT_DATE, EVENT_DATE_END -> Types.DATE;
      case TIME_PRECISION, GEO_PRECISION, FATALITIES, INJURIES -> Types.INTEGER;
      case PLANNED -> Types.BOOLEAN;
      case LAT, LON -> Types.DOUBLE;
      default -> Types.VARCHAR;
    };
  }

  private static void update(Connection c, long id, List<Assignment> sets) throws SQLException {
    String assignments =
        sets.stream()
            .map(
                s ->
                    s.column().equals("geom")
                        ? "geom = ST_GeomFromWKB(?, 4326)"
                        : s.column() + " = ?")
            .collect(Collectors.joining(", "));
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE events SET " + assignments + " WHERE id = ?")) {
      int i = 1;
      for (Assignment s : sets) {
        Object v = s.value();
        if (v == null) {
          ps.setNull(i, s.sqlType());
        } else if (v instanceof LocalDate d) {
          SqlValues.setDate(ps, i, d);
        } else {
          ps.setObject(i, v);
        }
        i++;
      }
      ps.setLong(i, id);
      ps.executeUpdate();
    }
  }

  private static void insertLog(Connection c, long id, String editor, List<String[]> log)
      throws SQLException {
    Instant now = SqlValues.now();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO event_corrections (event_id, editor, corrected_at, field, old_value, new_value)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (String[] entry : log) {
        ps.setLong(1, id);
        ps.setString(2, editor);
        SqlValues.setInstant(ps, 3, now);
        ps.setString(4, entry[0]);
        ps.setString(5, entry[1]);
        ps.setString(6, entry[2]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String[] entry(String field, String before, String after) {
    return new String[] {field, before, after};
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }

  private static String label(String key, String name) {
    return key == null ? null : name == null ? key : key + " (" + name + ")";
  }

  private static String names(List<Actor> actors) {
    return actors.isEmpty()
        ? null
        : actors.stream().map(Actor::name).collect(Collectors.joining("; "));
  }
}
