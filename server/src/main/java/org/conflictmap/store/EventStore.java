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
import org.conflictmap.events.Correction;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventCorrection;
import org.conflictmap.events.EventQuery;
import org.locationtech.jts.geom.Envelope;

/** Reads stored events, each joined with the title and url of its article. */
public final class EventStore {
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
        EventRows.SELECT
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
              out.add(EventRows.map(rs));
            }
            return EventRows.withDetails(c, out);
          }
        });
  }

  /**
   * A page of {@link #find}'s order: skips {@code offset} matching events, then returns at most
   * {@code q.limit()} (OGC API items are paged this way).
   */
  public List<Event> findPage(EventQuery q, long offset) {
    Filter f = Filter.of(q);
    int limit = Math.max(0, Math.min(q.limit(), EventQuery.MAX_LIMIT));
    String sql =
        EventRows.SELECT
            + f.join()
            + f.where()
            + " ORDER BY e.event_date DESC, e.id OFFSET "
            + Math.max(0, offset)
            + " ROWS FETCH FIRST "
            + limit
            + " ROWS ONLY";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = f.prepare(c, sql);
              ResultSet rs = ps.executeQuery()) {
            List<Event> out = new ArrayList<>();
            while (rs.next()) {
              out.add(EventRows.map(rs));
            }
            return EventRows.withDetails(c, out);
          }
        });
  }

  /**
   * Every event matching the query (its limit is ignored), in {@link #find}'s order, handed over in
   * pages of {@code pageSize} so memory stays bounded however many match. Pages are read by keyset
   * (the last page's date and id), each in its own transaction; returns how many were handed over.
   */
  public long forEachPage(
      EventQuery q, int pageSize, java.util.function.Consumer<List<Event>> page) {
    Filter f = Filter.of(q);
    int size = Math.max(1, Math.min(pageSize, EventQuery.MAX_LIMIT));
    long total = 0;
    LocalDate lastDate = null;
    long lastId = 0;
    while (true) {
      Filter keyed = f;
      if (lastDate != null) {
        List<Object> params = new ArrayList<>(f.params());
        params.add(lastDate);
        params.add(lastDate);
        params.add(lastId);
        // (date, id) after the last row in (date DESC, id) order; the first term is a range
        // the event_date index can serve
        keyed =
            new Filter(
                f.join(),
                f.where() + " AND e.event_date <= ? AND (e.event_date < ? OR e.id > ?)",
                params);
      }
      String sql =
          EventRows.SELECT
              + keyed.join()
              + keyed.where()
              + " ORDER BY e.event_date DESC, e.id FETCH FIRST "
              + size
              + " ROWS ONLY";
      Filter run = keyed;
      List<Event> events =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps = run.prepare(c, sql);
                    ResultSet rs = ps.executeQuery()) {
                  List<Event> out = new ArrayList<>();
                  while (rs.next()) {
                    out.add(EventRows.map(rs));
                  }
                  return EventRows.withDetails(c, out);
                }
              });
      if (events.isEmpty()) {
        return total;
      }
      page.accept(events);
      total += events.size();
      if (events.size() < size) {
        return total;
      }
      Event last = events.get(events.size() - 1);
      lastDate = last.eventDate();
      lastId = last.id();
    }
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

  /** The event with this id, unless there is none or an editor deleted it. */
  public Optional<Event> get(long id) {
    return db.inTransaction(c -> EventRows.byIds(c, List.of(id)).stream().findFirst());
  }

  /**
   * Applies an editor's correction to a live event and logs every field it changes; empty if there
   * is no live event with this id. Refuses (with {@link org.conflictmap.problem.InputException}) a
   * correction that does not fit the event, changing nothing.
   */
  public Optional<Event> correct(
      long id, String editor, EventCorrection correction, LocalDate today) {
    return db.inTransaction(c -> EventCorrections.apply(c, id, editor, correction, today));
  }

  /**
   * Deletes a live event, leaving a tombstone so re-ingesting its articles does not bring it back;
   * false if there is no live event with this id.
   */
  public boolean delete(long id, String editor) {
    return db.inTransaction(c -> EventCorrections.delete(c, id, editor));
  }

  /** Who corrected what on the event, oldest first; empty if the event never existed. */
  public Optional<List<Correction>> history(long id) {
    return db.inTransaction(c -> EventCorrections.history(c, id));
  }

  /** The JOIN and WHERE clauses of a query and the values of its parameters, in order. */
  private record Filter(String join, String where, List<Object> params) {
    static Filter of(EventQuery q) {
      List<String> terms = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      terms.add(EventRows.LIVE); // deleted events are tombstones, never shown
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
                // An event over a range ("since May") counts at its event_date, the range's start,
                // as ACLED dates every event by one day: a period's list and its statistics agree.
                terms.add("e.event_date >= ?");
                params.add(d);
              });
      q.to()
          .ifPresent(
              d -> {
                terms.add("e.event_date <= ?");
                params.add(d);
              });
      if (!q.types().isEmpty()) {
        terms.add(
            "e.event_type IN ("
                + String.join(", ", q.types().stream().map(t -> "?").toList())
                + ")");
        params.addAll(q.types().stream().sorted().toList());
      }
      q.text()
          .filter(t -> !t.isBlank())
          .ifPresent(
              t -> {
                // the article title is read through a subquery so count(), which does not join
                // articles, can use the same clause
                terms.add(
                    "(LOWER(e.place_name) LIKE ? ESCAPE '\\' OR LOWER(e.sentence) LIKE ? ESCAPE '\\'"
                        + " OR EXISTS (SELECT 1 FROM articles t WHERE t.id = e.article_id"
                        + " AND LOWER(t.title) LIKE ? ESCAPE '\\'))");
                String pattern = "%" + likeEscape(t.toLowerCase(java.util.Locale.ROOT)) + "%";
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
              });
      return new Filter(
          join, terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    /** Escapes LIKE's wildcards so a search for "50%" means those characters. */
    private static String likeEscape(String s) {
      return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
          } else if (p instanceof String s) {
            ps.setString(i + 1, s);
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
