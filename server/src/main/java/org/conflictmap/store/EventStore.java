package org.conflictmap.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.events.Correction;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventCorrection;
import org.conflictmap.events.EventQuery;
import org.locationtech.jts.geom.Envelope;

/** Reads stored events, each joined with the title and url of its article. */
public final class EventStore {
  /** Where {@link #countUpTo} stops counting unless asked for another cap. */
  public static final int COUNT_CAP = 10_000;

  /** The index that serves the list order and narrow date windows (H2; see V13_0). */
  static final String DATE_INDEX = "events_date_cover_idx";

  /** The index that serves small boxes (H2; see V13_0). */
  static final String BOX_INDEX = "events_lonlat_cover_idx";

  private final Database db;
  private final Duration timeout;

  public EventStore(Database db) {
    this(db, Duration.ofSeconds(5));
  }

  /**
   * @param timeout how long one read of a page or a count may run before the database cancels it
   *     ({@link StoreException#isQueryTimeout()})
   */
  public EventStore(Database db, Duration timeout) {
    this.db = Objects.requireNonNull(db);
    this.timeout = Objects.requireNonNull(timeout);
  }

  /**
   * A page of events, when more match the cursor the next page starts after, and how many match in
   * all when the page's own query could tell at no extra cost.
   */
  public record Page(
      List<Event> events, Optional<EventQuery.Cursor> next, Optional<Count> matched) {}

  /** How many events match: {@code value} exactly, or at least {@code value} when not exact. */
  public record Count(long value, boolean exact) {}

  /**
   * Events matching the query, newest first (ties by id, highest first), at most {@code q.limit()}
   * (capped at MAX_LIMIT).
   */
  public List<Event> find(EventQuery q) {
    return page(q).events();
  }

  /**
   * The first step of a page: the ids of its events in list order, the cursor of the next page when
   * more match, and how many match in all when the query could tell at no extra cost.
   */
  public record PageIds(
      List<Long> ids, Optional<EventQuery.Cursor> next, Optional<Count> matched) {}

  /**
   * One page of the events matching the query in list order (newest first, then highest id),
   * starting after {@code q.after()}, with the cursor of the next page when there is one. The ids
   * are found first, from an index that covers the common filters; only the page's rows are read.
   */
  public Page page(EventQuery q) {
    return db.inTransaction(
        c -> {
          PageIds p = pageIds(c, q);
          return new Page(EventRows.byIds(c, p.ids()), p.next(), p.matched());
        });
  }

  /** {@link #page}'s first step alone; {@link #forEach} then reads the rows. */
  public PageIds pageIds(EventQuery q) {
    return db.inTransaction(c -> pageIds(c, q));
  }

  /**
   * Hands the live events with these ids (a page's, in list order, from {@link #pageIds}) to {@code
   * each} while their rows are read from the cursor, so the page's events never sit in a list
   * together; returns how many were handed over (fewer when some were deleted since). The sink's
   * {@link IOException} (a client gone) leaves as it was thrown.
   */
  public int forEach(List<Long> ids, org.conflictmap.events.EventSink each) throws IOException {
    try {
      return db.inTransaction(c -> EventRows.stream(c, ids, each));
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private PageIds pageIds(Connection c, EventQuery q) throws SQLException {
    Filter f = Filter.of(q);
    int limit = Math.max(0, Math.min(q.limit(), EventQuery.MAX_LIMIT));
    String hint = hint(c, q);
    // The box index yields rows in no list order, so H2 reads and sorts every match before the
    // first page leaves: counting them in the same pass costs nothing and spares the second index
    // scan countUpTo would make (the profile's largest cost for small boxes).
    boolean counted = hint.contains(BOX_INDEX) && q.after().isEmpty();
    String sql =
        "SELECT e.id, e.event_date"
            + (counted ? ", COUNT(*) OVER () AS matched" : "")
            + " FROM events e"
            + hint
            + f.join()
            + f.where()
            + " ORDER BY e.event_date DESC, e.id DESC FETCH FIRST "
            + (limit + 1)
            + " ROWS ONLY";
    List<Long> ids = new ArrayList<>();
    EventQuery.Cursor last = null;
    boolean more = false;
    long matched = counted ? 0 : -1;
    try (TimeLimit t = TimeLimit.set(c, db.isH2(), timeout);
        PreparedStatement ps = f.prepare(c, sql)) {
      t.apply(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (counted) {
            matched = rs.getLong("matched");
          }
          if (ids.size() == limit) {
            more = true;
            break;
          }
          long id = rs.getLong("id");
          ids.add(id);
          last = new EventQuery.Cursor(SqlValues.getDate(rs, "event_date"), id);
        }
      }
    }
    // the next page starts after the last id listed here, whether or not its row is still live
    // when the rows are read: keyset paging needs its key, not the row
    Optional<EventQuery.Cursor> next = more && last != null ? Optional.of(last) : Optional.empty();
    Optional<Count> count = matched >= 0 ? Optional.of(new Count(matched, true)) : Optional.empty();
    return new PageIds(List.copyOf(ids), next, count);
  }

  /**
   * A page of {@link #find}'s order: skips {@code offset} matching events, then returns at most
   * {@code q.limit()} (OGC API items are paged this way).
   */
  public List<Event> findPage(EventQuery q, long offset) {
    Filter f = Filter.of(q.fromStart());
    int limit = Math.max(0, Math.min(q.limit(), EventQuery.MAX_LIMIT));
    String sql =
        EventRows.SELECT
            + f.join()
            + f.where()
            + " ORDER BY e.event_date DESC, e.id DESC OFFSET "
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
    Filter f = Filter.of(q.fromStart());
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
        // (date, id) after the last row in (date DESC, id DESC) order; the first term is a range
        // the event_date index can serve
        keyed =
            new Filter(
                f.join(),
                f.where() + " AND e.event_date <= ? AND (e.event_date < ? OR e.id < ?)",
                params);
      }
      String sql =
          EventRows.SELECT
              + keyed.join()
              + keyed.where()
              + " ORDER BY e.event_date DESC, e.id DESC FETCH FIRST "
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

  /**
   * How many events match the query, ignoring its limit and cursor; exact, however many. This reads
   * every matching row: prefer {@link #countUpTo} where a large store may answer.
   */
  public long count(EventQuery q) {
    Filter f = Filter.of(q.fromStart());
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

  /**
   * How many events match the query (ignoring its limit and cursor), counting no further than
   * {@code cap}: exact when at most {@code cap} match, else "at least cap". The count reads index
   * entries only for the bbox, date and type filters, so it never scans the table.
   */
  public Count countUpTo(EventQuery q, int cap) {
    EventQuery all = q.fromStart();
    Filter f = Filter.of(all);
    return db.inTransaction(
        c -> {
          String sql =
              "SELECT COUNT(*) FROM (SELECT 1 FROM events e"
                  + hint(c, all)
                  + f.join()
                  + f.where()
                  + " FETCH FIRST "
                  + (cap + 1)
                  + " ROWS ONLY) t";
          try (TimeLimit t = TimeLimit.set(c, db.isH2(), timeout);
              PreparedStatement ps = f.prepare(c, sql)) {
            t.apply(ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long n = rs.getLong(1);
              return n > cap ? new Count(cap, false) : new Count(n, true);
            }
          }
        });
  }

  /**
   * H2 picks an index by a fixed guess of each condition's selectivity, so it is told: the box
   * index when the box is a smaller share of the map (by longitude, the index's first column) than
   * the date window is of the stored years, else the date index, which also yields the list order
   * and so stops after one page. PostgreSQL plans from its statistics.
   */
  String hint(Connection c, EventQuery q) throws SQLException {
    if (!db.isH2()) {
      return "";
    }
    Optional<Envelope> box = q.bbox().filter(b -> !b.isNull());
    if (box.isEmpty() || EventQuery.crossesAntimeridian(box.get())) {
      return " USE INDEX (" + DATE_INDEX + ")";
    }
    double boxShare = Math.max(0, box.get().getWidth()) / 360;
    double dateShare = 1;
    if (q.from().isPresent() || q.to().isPresent()) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MIN(event_date) AS lo, MAX(event_date) AS hi FROM events");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        LocalDate min = SqlValues.getDate(rs, "lo");
        LocalDate max = SqlValues.getDate(rs, "hi");
        if (min != null) {
          LocalDate from = q.from().filter(d -> d.isAfter(min)).orElse(min);
          LocalDate to = q.to().filter(d -> d.isBefore(max)).orElse(max);
          double span = max.toEpochDay() - min.toEpochDay() + 1;
          dateShare = Math.max(0, to.toEpochDay() - from.toEpochDay() + 1) / span;
        }
      }
    }
    return " USE INDEX (" + (boxShare < dateShare ? BOX_INDEX : DATE_INDEX) + ")";
  }

  /**
   * The version of the whole store's data (see {@link Database#dataVersion}): read it before a
   * query whose answer it tags.
   */
  public String dataVersion() {
    return db.dataVersion();
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

  /**
   * The JOIN and WHERE clauses of a query and the values of its parameters, in order: the one
   * reading of {@link EventQuery} for every reader of events in this package (lists, counts and
   * aggregates agree because they share it). The clauses use the alias {@code e} for events.
   */
  record Filter(String join, String where, List<Object> params) {
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
                // the plain lat/lon columns, answered from B-tree indexes in H2 (whose R-tree does
                // not survive SIGKILL) and PostgreSQL alike; events are points, so this is exact
                if (EventQuery.crossesAntimeridian(b)) {
                  terms.add("(e.lon >= ? OR e.lon <= ?) AND e.lat BETWEEN ? AND ?");
                  params.add(b.getMinX());
                  params.add(b.getMaxX() - 360);
                } else {
                  terms.add("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?");
                  params.add(b.getMinX());
                  params.add(b.getMaxX());
                }
                params.add(b.getMinY());
                params.add(b.getMaxY());
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
      q.minConfidence()
          .ifPresent(
              m -> {
                // the least of type and place confidence; an event whose place was never judged
                // (stored before the place model) is judged by its type alone
                terms.add("e.type_confidence >= ? AND COALESCE(e.place_confidence, 1) >= ?");
                params.add(m);
                params.add(m);
              });
      if (!q.types().isEmpty()) {
        terms.add("e.event_type IN (" + marks(q.types().size()) + ")");
        params.addAll(q.types().stream().sorted().toList());
      }
      if (!q.countries().isEmpty()) {
        terms.add("e.country_code IN (" + marks(q.countries().size()) + ")");
        params.addAll(q.countries().stream().sorted().toList());
      }
      if (!q.precisions().isEmpty()) {
        terms.add("e.geo_precision IN (" + marks(q.precisions().size()) + ")");
        params.addAll(q.precisions().stream().sorted().toList());
      }
      q.minFatalities()
          .ifPresent(
              n -> {
                terms.add("e.fatalities >= ?");
                params.add(n);
              });
      q.actor()
          .filter(t -> !t.isBlank())
          .ifPresent(
              t -> {
                // actors is a JSON array of {"name", "country_code"}: the LIKE is the cheap
                // filter, the regular expression keeps the match inside a name (REGEXP_LIKE is in
                // H2 and PostgreSQL 15 alike)
                String json = jsonEscaped(t.toLowerCase(Locale.ROOT));
                terms.add("LOWER(e.actors) LIKE ? ESCAPE '\\' AND REGEXP_LIKE(LOWER(e.actors), ?)");
                params.add("%" + likeEscape(json) + "%");
                params.add("\"name\":\"[^\"]*" + regexEscape(json));
              });
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
                String pattern = "%" + likeEscape(t.toLowerCase(Locale.ROOT)) + "%";
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
              });
      q.after()
          .ifPresent(
              k -> {
                // after the cursor in (event_date DESC, id DESC); the first term bounds the index
                terms.add("e.event_date <= ? AND (e.event_date < ? OR e.id < ?)");
                params.add(k.date());
                params.add(k.date());
                params.add(k.id());
              });
      return new Filter(
          join, terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    private static String marks(int n) {
      return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Escapes LIKE's wildcards so a search for "50%" means those characters. */
    private static String likeEscape(String s) {
      return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The text as Jackson writes it inside a JSON string (see ActorsJson). */
    private static String jsonEscaped(String s) {
      try {
        String quoted = JSON.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * A backslash before every ASCII punctuation character: literal in Java's and PostgreSQL's
     * regular expressions alike.
     */
    private static String regexEscape(String s) {
      StringBuilder b = new StringBuilder();
      for (char ch : s.toCharArray()) {
        if (ch < 128 && !Character.isLetterOrDigit(ch) && ch != ' ') {
          b.append('\\');
        }
        b.append(ch);
      }
      return b.toString();
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
          } else if (p instanceof Integer n) {
            ps.setInt(i + 1, n);
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

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
