package org.conflictmap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.CountryOutlines;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneStats;
import org.conflictmap.zones.ZoneStats.Bucket;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Events inside zones: per-zone statistics, the full zone-by-event join, and the events near a zone
 * that were left out because they are located too coarsely to say.
 *
 * <p>Inside means: a point located to a town (ACLED geo-precision 1 or 2) that the zone contains,
 * or an event located only to a country that the zone holds entirely. An event located only to a
 * region or to a country the zone merely overlaps could lie inside or outside, so it is not counted
 * but reported.
 */
public final class ZoneEventStore {
  /** Joins the zone whose id is the next parameter; the spatial index answers {@code &&}. */
  static final String JOIN_ZONE = " JOIN zones z ON z.id = ? AND e.geom && z.geom";

  /** The exact test, after {@link #JOIN_ZONE}. */
  static final String INSIDE =
      "ST_Contains(z.geom, e.geom) AND ((e.precision = 'town' AND e.geo_precision IN (1, 2))"
          + " OR (e.precision = 'country' AND z.whole_countries LIKE '%,' || e.country_code || ',%'))";

  /**
   * Events whose point lies in a bounding box (one WKB parameter), from the spatial index. Bound as
   * WKB rather than built with ST_MakeEnvelope(?, ?, ?, ?): H2 re-evaluates the function on every
   * candidate row, which made the zone join several times slower.
   */
  private static final String CANDIDATES = "e.geom && ST_GeomFromWKB(?, 4326)";

  /** Most periods a statistics answer holds; a decade of days fits. */
  public static final int MAX_BUCKETS = 5000;

  private final Database db;
  // read on first use: parsing the outlines costs about a second that start-up should not wait for
  private final Supplier<CountryOutlines> countries;

  public ZoneEventStore(Database db, CountryOutlines countries) {
    this(db, () -> countries);
  }

  public ZoneEventStore(Database db, Supplier<CountryOutlines> countries) {
    this.db = Objects.requireNonNull(db);
    this.countries = Objects.requireNonNull(countries);
  }

  /** Counts per type and fatalities inside the zone, per period, between optional dates. */
  public ZoneStats stats(
      Zone zone, Optional<LocalDate> from, Optional<LocalDate> to, String interval) {
    if (from.isPresent() && to.isPresent()) {
      checkPeriods(start(from.get(), interval), start(to.get(), interval), interval);
    }
    TreeMap<LocalDate, Counts> buckets = new TreeMap<>();
    Counts total = new Counts();
    Inside test = new Inside(zone);
    String sql =
        "SELECT e.event_date, e.event_type, e.fatalities, e.lon, e.lat FROM events e WHERE "
            + CANDIDATES
            + test.eligible()
            + dates(from, to);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindEnvelope(ps, 1, zone.geometry().getEnvelopeInternal());
            i = test.bindEligible(ps, i);
            bindDates(ps, i, from, to);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (test.contains(rs.getDouble(4), rs.getDouble(5))) {
                  LocalDate day = SqlValues.getDate(rs, "event_date");
                  String type = rs.getString(2);
                  long dead = rs.getLong(3);
                  buckets
                      .computeIfAbsent(start(day, interval), d -> new Counts())
                      .add(type, 1, dead);
                  total.add(type, 1, dead);
                }
              }
            }
          }
          return null;
        });
    List<Bucket> series = new ArrayList<>();
    if (!buckets.isEmpty()) {
      LocalDate first = start(from.orElse(buckets.firstKey()), interval);
      LocalDate last = start(to.orElse(buckets.lastKey()), interval);
      checkPeriods(first, last, interval);
      for (LocalDate d = first; !d.isAfter(last); d = next(d, interval)) {
        series.add(buckets.getOrDefault(d, new Counts()).bucket(d));
      }
    }
    return new ZoneStats(zone.id(), interval, total.bucket(null), series, excluded(zone, from, to));
  }

  private static void checkPeriods(LocalDate first, LocalDate last, String interval) {
    long n = periods(first, last, interval);
    if (n > MAX_BUCKETS) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Too many periods",
          "the answer would have "
              + n
              + " "
              + interval
              + "s; at most "
              + MAX_BUCKETS
              + " are given: choose a coarser interval or a shorter datetime range");
    }
  }

  /** How many events near the zone were left out as too coarsely located, by precision. */
  public ZoneStats.Exclusions excluded(
      Zone zone, Optional<LocalDate> from, Optional<LocalDate> to) {
    Set<String> partly = new java.util.TreeSet<>(countries.get().touchedBy(zone.geometry()));
    partly.removeAll(countries.get().coveredBy(zone.geometry()));
    long region = countRegionEventsAt(zone, from, to);
    long country = partly.isEmpty() ? 0 : countCountryEvents(partly, from, to);
    List<ZoneStats.Reason> reasons = new ArrayList<>();
    if (region > 0) {
      reasons.add(
          new ZoneStats.Reason(
              "region",
              region,
              "located only to a first-level region whose representative point lies in the zone;"
                  + " no region outlines are bundled, so whether they happened inside is unknown"));
    }
    if (country > 0) {
      reasons.add(
          new ZoneStats.Reason(
              "country",
              country,
              "located only to a country the zone overlaps but does not hold entirely ("
                  + String.join(", ", partly)
                  + ")"));
    }
    return new ZoneStats.Exclusions(region + country, reasons);
  }

  private long countRegionEventsAt(Zone zone, Optional<LocalDate> from, Optional<LocalDate> to) {
    String sql =
        "SELECT e.lon, e.lat FROM events e WHERE "
            + CANDIDATES
            + " AND e.precision = 'region'"
            + dates(from, to);
    Inside test = new Inside(zone);
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindEnvelope(ps, 1, zone.geometry().getEnvelopeInternal());
            bindDates(ps, i, from, to);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (test.contains(rs.getDouble(1), rs.getDouble(2))) {
                  n++;
                }
              }
            }
            return n;
          }
        });
  }

  private long countCountryEvents(
      Set<String> codes, Optional<LocalDate> from, Optional<LocalDate> to) {
    String in = String.join(", ", codes.stream().map(x -> "?").toList());
    String sql =
        "SELECT COUNT(*) FROM events e WHERE e.precision = 'country' AND e.country_code IN ("
            + in
            + ")"
            + dates(from, to);
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String code : codes) {
              ps.setString(i++, code);
            }
            bindDates(ps, i, from, to);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Events inside each zone, for every zone at once (the full join), between optional dates; zones
   * with none are absent. One pass over the town-located events in the zones' joint bounding box,
   * each looked up in an STRtree of the zones and tested exactly: with many zones, one sequential
   * read beats a spatial-index lookup per zone, whose random row reads dominate in H2.
   */
  public Map<Long, Long> countsPerZone(
      List<Zone> zones, Optional<LocalDate> from, Optional<LocalDate> to) {
    Map<Long, Long> out = new HashMap<>();
    if (zones.isEmpty()) {
      return out;
    }
    STRtree tree = new STRtree();
    Envelope all = new Envelope();
    List<Inside> tests = new ArrayList<>();
    for (Zone z : zones) {
      Inside test = new Inside(z);
      tests.add(test);
      tree.insert(z.geometry().getEnvelopeInternal(), tests.size() - 1);
      all.expandToInclude(z.geometry().getEnvelopeInternal());
    }
    long[] counts = new long[zones.size()];
    String sql =
        "SELECT e.lon, e.lat FROM events e WHERE e.precision = 'town' AND e.geo_precision IN (1, 2)"
            + " AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?"
            + dates(from, to);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, all.getMinX());
            ps.setDouble(2, all.getMaxX());
            ps.setDouble(3, all.getMinY());
            ps.setDouble(4, all.getMaxY());
            bindDates(ps, 5, from, to);
            Envelope point = new Envelope();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                double lon = rs.getDouble(1);
                double lat = rs.getDouble(2);
                point.init(lon, lon, lat, lat);
                for (Object hit : tree.query(point)) {
                  int z = (Integer) hit;
                  if (tests.get(z).contains(lon, lat)) {
                    counts[z]++;
                  }
                }
              }
            }
          }
          return null;
        });
    // events located only to a country count where a zone holds that whole country (rare)
    for (int z = 0; z < zones.size(); z++) {
      Set<String> whole = tests.get(z).wholeCountries;
      if (!whole.isEmpty()) {
        counts[z] += countCountryEvents(whole, from, to);
      }
      if (counts[z] > 0) {
        out.put(zones.get(z).id(), counts[z]);
      }
    }
    return out;
  }

  /** Events per country code (any precision), between optional dates: the country choropleth. */
  public Map<String, Long> countsPerCountry(Optional<LocalDate> from, Optional<LocalDate> to) {
    String sql =
        "SELECT e.country_code, COUNT(*) FROM events e WHERE e.country_code IS NOT NULL"
            + dates(from, to)
            + " GROUP BY e.country_code";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindDates(ps, 1, from, to);
            Map<String, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
              }
            }
            return out;
          }
        });
  }

  private static int bindEnvelope(PreparedStatement ps, int i, Envelope e) throws SQLException {
    ps.setBytes(i, SqlValues.wkb(ENVELOPES.toGeometry(e)));
    return i + 1;
  }

  private static final GeometryFactory ENVELOPES =
      new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), SqlValues.SRID);

  /**
   * The same rule as {@link #INSIDE}, in Java over a candidate row: a town-located point the zone
   * contains, or an event located only to a country the zone holds entirely.
   */
  private final class Inside {
    private final PreparedGeometry zone;
    private final Set<String> wholeCountries;
    private final GeometryFactory factory;

    Inside(Zone z) {
      this.zone = PreparedGeometryFactory.prepare(z.geometry());
      this.factory = z.geometry().getFactory();
      this.wholeCountries = countries.get().coveredBy(z.geometry());
    }

    /**
     * The precision part of the rule, as SQL: the database filters on it, so only the point test is
     * left to Java (reading fewer columns per row is what keeps H2 fast here).
     */
    String eligible() {
      String countries =
          wholeCountries.isEmpty()
              ? ""
              : " OR (e.precision = 'country' AND e.country_code IN ("
                  + String.join(", ", wholeCountries.stream().map(x -> "?").toList())
                  + "))";
      return " AND ((e.precision = 'town' AND e.geo_precision IN (1, 2))" + countries + ")";
    }

    int bindEligible(PreparedStatement ps, int i) throws SQLException {
      for (String code : wholeCountries) {
        ps.setString(i++, code);
      }
      return i;
    }

    boolean contains(double lon, double lat) {
      return zone.contains(factory.createPoint(new Coordinate(lon, lat)));
    }
  }

  private static String dates(Optional<LocalDate> from, Optional<LocalDate> to) {
    return (from.isPresent() ? " AND e.event_date >= ?" : "")
        + (to.isPresent() ? " AND e.event_date <= ?" : "");
  }

  private static void bindDates(
      PreparedStatement ps, int i, Optional<LocalDate> from, Optional<LocalDate> to)
      throws SQLException {
    if (from.isPresent()) {
      SqlValues.setDate(ps, i++, from.get());
    }
    if (to.isPresent()) {
      SqlValues.setDate(ps, i, to.get());
    }
  }

  static LocalDate start(LocalDate d, String interval) {
    return switch (interval) {
      case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> d.withDayOfMonth(1);
      default -> d;
    };
  }

  private static LocalDate next(LocalDate d, String interval) {
    return switch (interval) {
      case "week" -> d.plusWeeks(1);
      case "month" -> d.plusMonths(1);
      default -> d.plusDays(1);
    };
  }

  private static long periods(LocalDate first, LocalDate last, String interval) {
    return switch (interval) {
      case "week" -> ChronoUnit.WEEKS.between(first, last) + 1;
      case "month" -> ChronoUnit.MONTHS.between(first, last) + 1;
      default -> ChronoUnit.DAYS.between(first, last) + 1;
    };
  }

  /** Running counts for one bucket. */
  private static final class Counts {
    long events;
    long fatalities;
    final Map<String, Long> byType = new TreeMap<>();

    void add(String type, long n, long dead) {
      events += n;
      fatalities += dead;
      byType.merge(type, n, Long::sum);
    }

    Bucket bucket(LocalDate start) {
      return new Bucket(
          start, events, fatalities, java.util.Collections.unmodifiableMap(new TreeMap<>(byType)));
    }
  }
}
