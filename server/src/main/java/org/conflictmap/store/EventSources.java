package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.AcledTypes;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewEvent;

/**
 * Attaches reports to events: a report of an event already stored (same type, overlapping dates,
 * same place) becomes one more source of it instead of a second event. The event's figures are then
 * derived from all its sources, except the fields an editor corrected.
 *
 * <p>Fatalities and injuries follow ACLED's conservative rule: the lowest figure any source states.
 * A source that states no figure does not count as 0, and an editor's figure always wins.
 */
final class EventSources {
  /** Reports of one type and date this close together are one event. */
  static final double SAME_PLACE_KM = 10;

  private static final double KM_PER_DEGREE = 111.2;

  static final String INSERT_EVENT =
      "INSERT INTO events (article_id, event_date, event_type, sub_event_type,"
          + " geo_precision, time_precision, fatalities, notes, place_key, place_id, place_name, country_code,"
          + " precision, lat, lon, geom, sentence, sentence_start, sentence_end,"
          + " event_date_end, injuries, planned, actors, type_confidence, place_confidence)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?)";

  /** How many parameters {@link #INSERT_EVENT} takes ({@link #bindEvent} sets them all). */
  static final int EVENT_PARAMS = 25;

  static final String INSERT_SOURCE =
      "INSERT INTO event_sources (event_id, article_id, source_url, sentence, sentence_start,"
          + " sentence_end, notes, ext_event_type, ext_sub_event_type, ext_event_date, ext_event_date_end,"
          + " ext_place_key, ext_lat, ext_lon, ext_geo_precision, fatalities, injuries, planned, actors,"
          + " type_confidence, added_at, place_confidence)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * How far back from a report's first day a stored event may start and still be found: the merge
   * lookup reads a window of days, not every event ever stored near the place. An event whose
   * stated range is longer than this (an "ongoing since spring" report) is found only by reports
   * that begin within the window of its start.
   */
  static final int MERGE_WINDOW_DAYS = 31;

  // A region or country sits at its centroid, so the same place is also the same point. Plain
  // lat/lon and date ranges, so a B-tree index answers them in H2 (which has no safe R-tree, see
  // V12_0) and PostgreSQL alike: events_merge_idx (V13_10) leads with type and date.
  private static final String EVENT_CANDIDATES =
      "SELECT id, event_type, event_date, event_date_end, place_key, lat, lon, geo_precision,"
          + " deleted_at FROM events WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
          + " AND event_type = ? AND event_date BETWEEN ? AND ?"
          + " AND COALESCE(event_date_end, event_date) >= ?";

  // An event still sits where its reports put it unless an editor changed it: only corrected
  // events need their reports' own points and types compared, and corrections are few.
  private static final String SOURCE_CANDIDATES =
      "SELECT DISTINCT s.id AS source_id, s.event_id AS id, s.ext_event_type AS event_type,"
          + " s.ext_event_date AS event_date, s.ext_event_date_end AS event_date_end,"
          + " s.ext_place_key AS place_key, s.ext_lat AS lat, s.ext_lon AS lon,"
          + " s.ext_geo_precision AS geo_precision, e.deleted_at"
          + " FROM event_corrections k JOIN event_sources s ON s.event_id = k.event_id"
          + " JOIN events e ON e.id = s.event_id"
          + " WHERE s.ext_lat BETWEEN ? AND ? AND s.ext_lon BETWEEN ? AND ?"
          + " AND s.ext_event_type = ? AND s.ext_event_date <= ?"
          + " AND COALESCE(s.ext_event_date_end, s.ext_event_date) >= ?";

  private EventSources() {}

  /** What a report says about when, what and where: the parts merging compares. */
  record Report(
      String type,
      LocalDate from,
      LocalDate to,
      String placeKey,
      double lat,
      double lon,
      int geoPrecision) {

    static Report of(NewEvent e) {
      return new Report(
          e.eventType(),
          e.eventDate(),
          e.eventDateEnd() == null ? e.eventDate() : e.eventDateEnd(),
          e.placeKey(),
          e.lat(),
          e.lon(),
          e.geoPrecision());
    }

    /**
     * Same type, overlapping dates, and within {@link #SAME_PLACE_KM} (or, where either only names
     * a region or country, the same place).
     */
    boolean sameEventAs(Report o) {
      if (!type.equals(o.type) || from.isAfter(o.to) || o.from.isAfter(to)) {
        return false;
      }
      if (geoPrecision <= 2 && o.geoPrecision <= 2) {
        return km(o) <= SAME_PLACE_KM;
      }
      return placeKey != null && placeKey.equals(o.placeKey);
    }

    /** Exactly the same report: how a re-ingested article finds its own events again. */
    boolean sameReportAs(Report o) {
      return type.equals(o.type)
          && from.equals(o.from)
          && to.equals(o.to)
          && Objects.equals(placeKey, o.placeKey);
    }

    double km(Report o) {
      double p1 = Math.toRadians(lat);
      double p2 = Math.toRadians(o.lat);
      double dp = p2 - p1;
      double dl = Math.toRadians(o.lon - lon);
      double a =
          Math.sin(dp / 2) * Math.sin(dp / 2)
              + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
      return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
  }

  /** A source an article had before it was re-ingested. */
  record PreviousSource(long eventId, Report report) {}

  /**
   * The event a report was attached to; {@code created} when the report made it, so it has this
   * report as its only source so far.
   */
  record Attached(long eventId, boolean created) {}

  /**
   * Stores one report of an article: as a source of the event it reported before a re-ingest (from
   * {@code previous}, which loses the entry it uses), else of an event already stored that it
   * matches, else of a new event. The caller then {@link #refresh}es the event, unless {@link
   * #insertedAsDerived} says a new one already holds what a refresh would write.
   */
  static Attached attach(
      Connection c, long articleId, String url, NewEvent e, List<PreviousSource> previous)
      throws SQLException {
    Report r = Report.of(e);
    Long target = null;
    for (Iterator<PreviousSource> it = previous.iterator(); it.hasNext(); ) {
      PreviousSource p = it.next();
      if (p.report().sameReportAs(r)) {
        target = p.eventId();
        it.remove();
        break;
      }
    }
    if (target == null) {
      target = findMatch(c, r).orElse(null);
    }
    boolean created = target == null;
    if (created) {
      target = insertEvent(c, articleId, e);
    }
    // a new event has no source yet
    if (created || !hasSource(c, target, articleId, e.sentenceStart())) {
      insertSource(c, target, articleId, url, e);
    }
    return new Attached(target, created);
  }

  /**
   * Whether an event inserted from this one report already holds what {@link #refresh} would derive
   * from that report alone: the same sentence, figures, confidences and planned flag are written by
   * both; only the actors differ when two share a name but for case (refresh keeps one).
   */
  static boolean insertedAsDerived(NewEvent e) {
    Set<String> names = new HashSet<>();
    for (Actor a : e.actors()) {
      if (!names.add(a.name().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The event a report belongs to: matched on the event's current values or on what any of its
   * sources reported (so an event an editor moved or retyped still collects its reports). Live
   * events win over deleted ones; then the nearest, then the oldest.
   */
  static Optional<Long> findMatch(Connection c, Report r) throws SQLException {
    if (AcledTypes.UNCLASSIFIED.equals(r.type())) {
      return Optional.empty(); // "we could not tell" is no ground for calling two reports one event
    }
    double dLat = SAME_PLACE_KM / KM_PER_DEGREE;
    double dLon = dLat / Math.max(Math.cos(Math.toRadians(r.lat())), 0.01);
    List<Candidate> candidates = new ArrayList<>();
    candidates(c, EVENT_CANDIDATES, true, r, dLat, dLon, candidates);
    if (anyCorrection(c)) {
      candidates(c, SOURCE_CANDIDATES, false, r, dLat, dLon, candidates);
    }
    return candidates.stream()
        .filter(cand -> cand.report().sameEventAs(r))
        .min(
            Comparator.comparing(Candidate::deleted)
                .thenComparingDouble(cand -> cand.report().km(r))
                .thenComparingLong(Candidate::eventId))
        .map(Candidate::eventId);
  }

  private record Candidate(long eventId, boolean deleted, Report report) {}

  /**
   * Whether any event was ever corrected; without one, {@link #SOURCE_CANDIDATES} finds nothing. H2
   * plans that join once per session and keeps the plan: planned on a new store, whose tables are
   * all but empty, it reads every source first, and kept doing so per report as the store grew
   * (JFR: most of the merge lookup's time, and ingest into an empty store slower than into 100k).
   */
  private static boolean anyCorrection(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM event_corrections FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static void candidates(
      Connection c,
      String sql,
      boolean windowed,
      Report r,
      double dLat,
      double dLon,
      List<Candidate> out)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDouble(1, r.lat() - dLat);
      ps.setDouble(2, r.lat() + dLat);
      ps.setDouble(3, r.lon() - dLon);
      ps.setDouble(4, r.lon() + dLon);
      ps.setString(5, r.type());
      int i = 6;
      if (windowed) {
        SqlValues.setDate(ps, i++, r.from().minusDays(MERGE_WINDOW_DAYS));
      }
      SqlValues.setDate(ps, i++, r.to());
      SqlValues.setDate(ps, i, r.from());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate from = SqlValues.getDate(rs, "event_date");
          LocalDate to = SqlValues.getDate(rs, "event_date_end");
          out.add(
              new Candidate(
                  rs.getLong("id"),
                  SqlValues.getInstant(rs, "deleted_at") != null,
                  new Report(
                      rs.getString("event_type"),
                      from,
                      to == null ? from : to,
                      rs.getString("place_key"),
                      rs.getDouble("lat"),
                      rs.getDouble("lon"),
                      rs.getInt("geo_precision"))));
        }
      }
    }
  }

  private static boolean hasSource(Connection c, long eventId, long articleId, int sentenceStart)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM event_sources WHERE event_id = ? AND article_id = ? AND sentence_start = ?")) {
      ps.setLong(1, eventId);
      ps.setLong(2, articleId);
      ps.setInt(3, sentenceStart);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long insertEvent(Connection c, long articleId, NewEvent e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT, new String[] {"id"})) {
      bindEvent(ps, articleId, e);
      ps.executeUpdate();
      return IngestStore.generatedId(ps);
    }
  }

  /** Sets the parameters of {@link #INSERT_EVENT}; shared with {@link BulkEvents}. */
  static void bindEvent(PreparedStatement ps, long articleId, NewEvent e) throws SQLException {
    ps.setLong(1, articleId);
    SqlValues.setDate(ps, 2, e.eventDate());
    ps.setString(3, e.eventType());
    ps.setString(4, e.subEventType());
    ps.setInt(5, e.geoPrecision());
    ps.setInt(6, e.timePrecision());
    SqlValues.setInteger(ps, 7, e.fatalities());
    ps.setString(8, e.notes());
    ps.setString(9, e.placeKey());
    SqlValues.setLong(ps, 10, e.placeId());
    ps.setString(11, e.placeName());
    ps.setString(12, e.countryCode());
    ps.setString(13, e.precision());
    ps.setDouble(14, e.lat());
    ps.setDouble(15, e.lon());
    ps.setBytes(16, SqlValues.wkb(SqlValues.point(e.lon(), e.lat())));
    ps.setString(17, e.sentence());
    ps.setInt(18, e.sentenceStart());
    ps.setInt(19, e.sentenceEnd());
    SqlValues.setDate(ps, 20, e.eventDateEnd());
    SqlValues.setInteger(ps, 21, e.injuries());
    ps.setBoolean(22, e.planned());
    ps.setString(23, ActorsJson.write(e.actors()));
    ps.setDouble(24, confidence(e));
    setPlaceConfidence(ps, EVENT_PARAMS, e);
  }

  private static void insertSource(
      Connection c, long eventId, long articleId, String url, NewEvent e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_SOURCE)) {
      bindSource(ps, eventId, articleId, url, e, SqlValues.now());
      ps.executeUpdate();
    }
  }

  /** Sets the parameters of {@link #INSERT_SOURCE}; shared with {@link BulkEvents}. */
  static void bindSource(
      PreparedStatement ps,
      long eventId,
      long articleId,
      String url,
      NewEvent e,
      java.time.Instant addedAt)
      throws SQLException {
    ps.setLong(1, eventId);
    ps.setLong(2, articleId);
    ps.setString(3, url);
    ps.setString(4, e.sentence());
    ps.setInt(5, e.sentenceStart());
    ps.setInt(6, e.sentenceEnd());
    ps.setString(7, e.notes());
    ps.setString(8, e.eventType());
    ps.setString(9, e.subEventType());
    SqlValues.setDate(ps, 10, e.eventDate());
    SqlValues.setDate(ps, 11, e.eventDateEnd());
    ps.setString(12, e.placeKey());
    ps.setDouble(13, e.lat());
    ps.setDouble(14, e.lon());
    ps.setInt(15, e.geoPrecision());
    SqlValues.setInteger(ps, 16, e.fatalities());
    SqlValues.setInteger(ps, 17, e.injuries());
    ps.setBoolean(18, e.planned());
    ps.setString(19, ActorsJson.write(e.actors()));
    ps.setDouble(20, confidence(e));
    SqlValues.setInstant(ps, 21, addedAt);
    setPlaceConfidence(ps, 22, e);
  }

  /** The place model's confidence, within 0 to 1, or SQL null when no model judged the place. */
  private static void setPlaceConfidence(PreparedStatement ps, int i, NewEvent e)
      throws SQLException {
    Double c = e.placeConfidence();
    if (c == null || c.isNaN()) {
      ps.setNull(i, java.sql.Types.DOUBLE);
    } else {
      ps.setDouble(i, Math.max(0, Math.min(1, c)));
    }
  }

  /** The rules' confidence, kept within 0 to 1 (the schema refuses anything else). */
  static double confidence(NewEvent e) {
    double c = e.typeConfidence();
    return Double.isNaN(c) ? 0 : Math.max(0, Math.min(1, c));
  }

  /** The fields an editor has corrected on this event. */
  static Set<String> correctedFields(Connection c, long eventId) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT DISTINCT field FROM event_corrections WHERE event_id = ?")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * Re-derives the event's primary source, figures, planned flag, actors and confidence from its
   * sources, leaving corrected fields alone. Locks the event row first, so a correction committed
   * meanwhile is seen, not overwritten. Returns how many sources the event has; with none, nothing
   * is changed.
   */
  static int refresh(Connection c, long eventId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM events WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, eventId);
      ps.executeQuery().close();
    }
    Set<String> corrected = correctedFields(c, eventId);
    Primary primary = null;
    int count = 0;
    Integer fatalities = null;
    Integer injuries = null;
    boolean planned = true;
    double confidence = 0;
    Double placeConfidence = null;
    Map<String, Actor> actors = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT article_id, sentence, sentence_start, sentence_end, notes, fatalities, injuries,"
                + " planned, actors, type_confidence, place_confidence FROM event_sources"
                + " WHERE event_id = ? ORDER BY id")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          count++;
          if (primary == null) {
            primary =
                new Primary(
                    rs.getLong("article_id"),
                    rs.getString("sentence"),
                    rs.getInt("sentence_start"),
                    rs.getInt("sentence_end"),
                    rs.getString("notes"));
          }
          fatalities = lowest(fatalities, SqlValues.getInteger(rs, "fatalities"));
          injuries = lowest(injuries, SqlValues.getInteger(rs, "injuries"));
          planned &= rs.getBoolean("planned");
          Double conf = SqlValues.getDouble(rs, "type_confidence");
          confidence = Math.max(confidence, conf == null ? 0 : conf);
          // a second report at the place is more evidence for it: the best report's judgement
          Double place = SqlValues.getDouble(rs, "place_confidence");
          if (place != null) {
            placeConfidence = placeConfidence == null ? place : Math.max(placeConfidence, place);
          }
          for (Actor a : ActorsJson.read(rs.getString("actors"))) {
            String key = a.name().toLowerCase(Locale.ROOT);
            Actor known = actors.get(key);
            if (known == null || (known.countryCode() == null && a.countryCode() != null)) {
              actors.put(key, a);
            }
          }
        }
      }
    }
    if (primary == null) {
      return 0;
    }
    Set<String> keep = corrected;
    String sql =
        "UPDATE events SET article_id = ?, sentence = ?, sentence_start = ?, sentence_end = ?,"
            + " notes = ?, type_confidence = ?, place_confidence = ?,"
            + " fatalities = CASE WHEN ? THEN fatalities ELSE ? END,"
            + " injuries = CASE WHEN ? THEN injuries ELSE ? END,"
            + " planned = CASE WHEN ? THEN planned ELSE ? END,"
            + " actors = CASE WHEN ? THEN actors ELSE ? END"
            + " WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, primary.articleId());
      ps.setString(2, primary.sentence());
      ps.setInt(3, primary.start());
      ps.setInt(4, primary.end());
      ps.setString(5, primary.notes());
      ps.setDouble(6, confidence);
      if (keep.contains("place_key") || keep.contains("lat")) {
        placeConfidence = 1.0; // an editor put it there
      }
      if (placeConfidence == null) {
        ps.setNull(7, java.sql.Types.DOUBLE);
      } else {
        ps.setDouble(7, placeConfidence);
      }
      ps.setBoolean(8, keep.contains("fatalities"));
      SqlValues.setInteger(ps, 9, fatalities);
      ps.setBoolean(10, keep.contains("injuries"));
      SqlValues.setInteger(ps, 11, injuries);
      ps.setBoolean(12, keep.contains("planned"));
      ps.setBoolean(13, planned);
      ps.setBoolean(14, keep.contains("actors"));
      ps.setString(15, ActorsJson.write(List.copyOf(actors.values())));
      ps.setLong(16, eventId);
      ps.executeUpdate();
    }
    return count;
  }

  private record Primary(long articleId, String sentence, int start, int end, String notes) {}

  private static Integer lowest(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.min(a, b);
  }
}
