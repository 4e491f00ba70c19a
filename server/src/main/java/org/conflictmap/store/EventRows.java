package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventSource;

/**
 * Reads event rows with their sources and corrected fields; shared by the reading and writing
 * stores so both return exactly the same {@link Event}.
 */
final class EventRows {
  static final String SELECT =
      "SELECT e.id, e.article_id, a.title, a.url, e.event_date, e.event_type,"
          + " e.sub_event_type, e.geo_precision, e.time_precision, e.fatalities, e.notes, e.place_key, e.place_id,"
          + " e.place_name, e.country_code, e.precision, e.lat, e.lon, e.sentence, e.sentence_start, e.sentence_end,"
          + " e.event_date_end, e.injuries, e.planned, e.actors, e.type_confidence,"
          + " e.place_confidence, e.external_id FROM events e JOIN articles a ON a.id = e.article_id";

  /** Live (not deleted) events only. */
  static final String LIVE = "e.deleted_at IS NULL";

  /** Ids per IN list: well under what either database accepts as parameters. */
  private static final int BATCH = 500;

  private EventRows() {}

  /** The event row at the cursor, without its sources (see {@link #withDetails}). */
  static Event map(ResultSet rs) throws SQLException {
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
        rs.getInt("sentence_end"),
        SqlValues.getDate(rs, "event_date_end"),
        SqlValues.getInteger(rs, "injuries"),
        rs.getBoolean("planned"),
        ActorsJson.read(rs.getString("actors")),
        SqlValues.getDouble(rs, "type_confidence"),
        SqlValues.getDouble(rs, "place_confidence"),
        List.of(),
        0,
        List.of(),
        rs.getString("external_id"));
  }

  /** The live events with these ids, in the given order, complete with sources. */
  static List<Event> byIds(Connection c, List<Long> ids) throws SQLException {
    Map<Long, Event> found = new HashMap<>();
    for (List<Long> batch : batches(ids)) {
      String sql = SELECT + " WHERE " + LIVE + " AND e.id IN (" + marks(slots(batch.size())) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, batch);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Event e = map(rs);
            found.put(e.id(), e);
          }
        }
      }
    }
    List<Event> ordered = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      Event e = found.get(id);
      if (e != null) {
        ordered.add(e);
      }
    }
    return withDetails(c, ordered);
  }

  /**
   * Hands the live events with these ids to {@code each} as their rows are read, complete with
   * sources: no list of the events is made. The ids must be in list order ({@code event_date DESC,
   * id DESC}, as a page's are), which each batch's query sorts its rows back into. Returns how many
   * were handed over; an {@link java.io.IOException} from the sink leaves as an {@link
   * java.io.UncheckedIOException}.
   */
  static int stream(Connection c, List<Long> ids, org.conflictmap.events.EventSink each)
      throws SQLException {
    int n = 0;
    for (List<Long> batch : batches(ids)) {
      Details d = details(c, batch);
      String sql =
          SELECT
              + " WHERE "
              + LIVE
              + " AND e.id IN ("
              + marks(slots(batch.size()))
              + ") ORDER BY e.event_date DESC, e.id DESC";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, batch);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Event e = d.complete(map(rs));
            try {
              each.accept(e);
            } catch (java.io.IOException x) {
              throw new java.io.UncheckedIOException(x);
            }
            n++;
          }
        }
      }
    }
    return n;
  }

  /** The events with their sources, corroboration and corrected fields filled in. */
  static List<Event> withDetails(Connection c, List<Event> events) throws SQLException {
    if (events.isEmpty()) {
      return events;
    }
    List<Long> ids = events.stream().map(Event::id).toList();
    Details all = new Details(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (List<Long> batch : batches(ids)) {
      Details d = details(c, batch);
      all.sources().putAll(d.sources());
      all.articles().putAll(d.articles());
      all.corrected().putAll(d.corrected());
    }
    List<Event> out = new ArrayList<>(events.size());
    for (Event e : events) {
      out.add(all.complete(e));
    }
    return out;
  }

  /** The sources, the distinct articles among them, and the corrected fields, by event id. */
  private record Details(
      Map<Long, List<EventSource>> sources,
      Map<Long, Set<Long>> articles,
      Map<Long, Set<String>> corrected) {
    Event complete(Event e) {
      return EventRows.complete(
          e,
          sources.getOrDefault(e.id(), List.of()),
          articles.getOrDefault(e.id(), Set.of()).size(),
          List.copyOf(corrected.getOrDefault(e.id(), Set.of())));
    }
  }

  /** {@link Details} of one batch of at most {@link #BATCH} ids. */
  private static Details details(Connection c, List<Long> batch) throws SQLException {
    Map<Long, List<EventSource>> sources = new HashMap<>();
    Map<Long, Set<Long>> articles = new HashMap<>();
    Map<Long, Set<String>> corrected = new HashMap<>();
    String in = " IN (" + marks(slots(batch.size())) + ")";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.event_id, s.article_id, a.title, s.source_url, s.sentence, s.sentence_start,"
                + " s.sentence_end, s.fatalities, s.injuries FROM event_sources s"
                + " JOIN articles a ON a.id = s.article_id WHERE s.event_id"
                + in
                + " ORDER BY s.id")) {
      bind(ps, batch);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long eventId = rs.getLong("event_id");
          long articleId = rs.getLong("article_id");
          sources
              .computeIfAbsent(eventId, k -> new ArrayList<>())
              .add(
                  new EventSource(
                      articleId,
                      rs.getString("title"),
                      rs.getString("source_url"),
                      rs.getString("sentence"),
                      rs.getInt("sentence_start"),
                      rs.getInt("sentence_end"),
                      SqlValues.getInteger(rs, "fatalities"),
                      SqlValues.getInteger(rs, "injuries")));
          articles.computeIfAbsent(eventId, k -> new LinkedHashSet<>()).add(articleId);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_id, field FROM event_corrections WHERE event_id" + in + " ORDER BY id")) {
      bind(ps, batch);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          corrected.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
        }
      }
    }
    return new Details(sources, articles, corrected);
  }

  private static Event complete(
      Event e, List<EventSource> sources, int corroboration, List<String> corrected) {
    return e.withDetails(sources, corroboration, corrected);
  }

  /**
   * How many markers an IN list of {@code n} ids gets: the next power of two, at most {@link
   * #BATCH}. A list as long as the page made every page size a statement of its own, parsed and
   * planned afresh (a sixth of a country-scale request's time in the profile); ten lengths stay in
   * H2's per-session query cache (QUERY_CACHE_SIZE) and PostgreSQL's prepared statements.
   */
  static int slots(int n) {
    int slots = Integer.highestOneBit(Math.max(1, n));
    if (slots < n) {
      slots <<= 1;
    }
    return Math.min(BATCH, slots);
  }

  /** Binds the ids to the list's markers, the last id repeated into the spare ones. */
  private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
    int slots = slots(ids.size());
    for (int i = 0; i < slots; i++) {
      ps.setLong(i + 1, ids.get(Math.min(i, ids.size() - 1)));
    }
  }

  private static List<List<Long>> batches(List<Long> ids) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      out.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
