package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.locationtech.jts.geom.Envelope;

/** Reads stored events, each joined with the title and url of its article. */
public final class EventStore {
  private static final String SELECT =
      "SELECT e.id, e.article_id, a.title, a.url, e.event_date, e.event_type,"
          + " e.sub_event_type, e.geo_precision, e.time_precision, e.fatalities, e.notes, e.place_key, e.place_id,"
          + " e.place_name, e.country_code, e.precision, e.lat, e.lon, e.sentence, e.sentence_start, e.sentence_end"
          + " FROM events e JOIN articles a ON a.id = e.article_id";

  private final Database db;

  public EventStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /**
   * Events matching the query, newest first (ties by id), at most {@code q.limit()} (capped at
   * MAX_LIMIT).
   */
  public List<Event> find(EventQuery q) {
    Filter f = Filter.of(q);
    int limit = Math.max(0, Math.min(q.limit(), EventQuery.MAX_LIMIT));
    String sql =
        SELECT
            + f.join()
            + f.where()
            + " ORDER BY e.event_date DESC, e.id FETCH FIRST "
            + limit
            + " ROWS ONLY";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = f.prepare(c, sql);
              ResultSet rs = ps.executeQuery()) {
            List<Event> out = new ArrayList<>();
            while (rs.next()) {
              out.add(map(rs));
            }
            return out;
          }
        });
  }

  /** How many events match the query, ignoring its limit. */
  public long count(EventQuery q) {
    Filter f = Filter.of(q);
    String sql = "SELECT COUNT(*) FROM events e" + f.join() + f.where();
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = f.prepare(c, sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** The event with this id. */
  public Optional<Event> get(long id) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE e.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  private static Event map(ResultSet rs) throws SQLException {
    return new Event(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.getString("title"),
        rs.getString("url"),
        SqlValues.getDate(rs, "event_date"),
        rs.getString("event_type"),
        rs.getString("sub_event_type"),
        rs.getInt("geo_precision"),
        rs.getInt("time_precision"),
        SqlValues.getInteger(rs, "fatalities"),
        rs.getString("notes"),
        rs.getString("place_key"),
        SqlValues.getLong(rs, "place_id"),
        rs.getString("place_name"),
        rs.getString("country_code"),
        rs.getString("precision"),
        rs.getDouble("lat"),
        rs.getDouble("lon"),
        rs.getString("sentence"),
        rs.getInt("sentence_start"),
        rs.getInt("sentence_end"));
  }

  /** The JOIN and WHERE clauses of a query and the values of its parameters, in order. */
  private record Filter(String join, String where, List<Object> params) {
    static Filter of(EventQuery q) {
      List<String> terms = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      // a zone joins its row first, so its id is the first parameter
      String join = "";
      if (q.zone().isPresent()) {
        join = ZoneEventStore.JOIN_ZONE;
        params.add(q.zone().get());
        terms.add(ZoneEventStore.INSIDE);
      }
      q.bbox()
          .filter(b -> !b.isNull())
          .ifPresent(
              b -> {
                // && is the bounding-box test both H2 and PostGIS answer from the spatial index;
                // ST_Intersects is the
                // exact test (for points they agree, but keeping it makes the intent plain and
                // survives other geometries)
                terms.add(
                    "e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                        + " AND ST_Intersects(e.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
                for (int i = 0; i < 2; i++) {
                  addEnvelope(params, b);
                }
              });
      q.from()
          .ifPresent(
              d -> {
                terms.add("e.event_date >= ?");
                params.add(d);
              });
      q.to()
          .ifPresent(
              d -> {
                terms.add("e.event_date <= ?");
                params.add(d);
              });
      return new Filter(
          join, terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    private static void addEnvelope(List<Object> params, Envelope b) {
      params.add(b.getMinX());
      params.add(b.getMinY());
      params.add(b.getMaxX());
      params.add(b.getMaxY());
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      try {
        for (int i = 0; i < params.size(); i++) {
          Object p = params.get(i);
          if (p instanceof Double d) {
            ps.setDouble(i + 1, d);
          } else if (p instanceof Long id) {
            ps.setLong(i + 1, id);
          } else {
            SqlValues.setDate(ps, i + 1, (LocalDate) p);
          }
        }
        return ps;
      } catch (SQLException | RuntimeException e) {
        ps.close();
        throw e;
      }
    }
  }
}
