package org.conflictmap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.conflictmap.store.Database;
import org.conflictmap.store.ZoneEventStore;
import org.conflictmap.store.ZoneStore;
import org.conflictmap.zones.CountryOutlines;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Events inside zones at scale: 1,000,000 events and 100 zones in the embedded database. Times the
 * full join (one read of the town events, looked up in an STRtree of the zones) and one zone's
 * monthly stats (its bounding box from the spatial index, then the exact test), each beside a
 * brute-force loop in Java over the same events held in memory (every event tested against every
 * zone), and checks that both give the same counts.
 *
 * <p>Arguments: [events (default 1000000)] [zones (default 100)]. Goals: full join ≤ 2 s, one
 * zone's stats ≤ 50 ms.
 */
final class ZoneBench {
  private static final String[] TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments"
  };
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private ZoneBench() {}

  static void run(String[] args) throws Exception {
    int nEvents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int nZones = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path dir = Files.createTempDirectory("zonebench");
    Random rnd = new Random(42);
    // events spread over Syria and its neighbours; 90% located to a town, the rest coarser
    double[] lon = new double[nEvents];
    double[] lat = new double[nEvents];
    boolean[] town = new boolean[nEvents];
    LocalDate[] date = new LocalDate[nEvents];
    int[] type = new int[nEvents];
    int[] dead = new int[nEvents];
    LocalDate start = LocalDate.of(2017, 1, 1);
    for (int i = 0; i < nEvents; i++) {
      lon[i] = 35 + rnd.nextDouble() * 8;
      lat[i] = 32 + rnd.nextDouble() * 6;
      town[i] = rnd.nextDouble() < 0.9;
      date[i] = start.plusDays(rnd.nextInt(4 * 365));
      type[i] = rnd.nextInt(TYPES.length);
      dead[i] = rnd.nextInt(4);
    }
    try (Database db = Database.embedded(dir)) {
      long t0 = System.nanoTime();
      // the embedded store keeps no R-tree (issue 12: H2's spatial index is not crash-safe)
      load(db, lon, lat, town, date, type, dead);
      System.out.printf("loaded %,d events in %.1f s%n", nEvents, secs(t0));
      ZoneStore zones = new ZoneStore(db);
      List<Zone> stored = new ArrayList<>();
      for (int z = 0; z < nZones; z++) {
        stored.add(zones.create(zone(rnd, z), "bench"));
      }
      ZoneEventStore inside = new ZoneEventStore(db, CountryOutlines.bundled());

      // warm up both sides once (JIT, H2 caches), then measure the best of three
      inside.countsPerZone(stored, Optional.empty(), Optional.empty());
      long best = Long.MAX_VALUE;
      Map<Long, Long> joined = null;
      for (int r = 0; r < 3; r++) {
        long s = System.nanoTime();
        joined = inside.countsPerZone(stored, Optional.empty(), Optional.empty());
        best = Math.min(best, System.nanoTime() - s);
      }
      List<PreparedGeometry> prepared =
          stored.stream().map(z -> PreparedGeometryFactory.prepare(z.geometry())).toList();
      bruteCounts(stored, prepared, lon, lat, town);
      long bruteBest = Long.MAX_VALUE;
      Map<Long, Long> brute = null;
      for (int r = 0; r < 3; r++) {
        long s = System.nanoTime();
        brute = bruteCounts(stored, prepared, lon, lat, town);
        bruteBest = Math.min(bruteBest, System.nanoTime() - s);
      }
      long matched = joined.values().stream().mapToLong(Long::longValue).sum();

      Zone one = stored.get(0);
      for (int r = 0; r < 5; r++) {
        inside.stats(one, Optional.empty(), Optional.empty(), "month");
      }
      long[] statTimes = new long[20];
      for (int r = 0; r < statTimes.length; r++) {
        long s = System.nanoTime();
        inside.stats(one, Optional.empty(), Optional.empty(), "month");
        statTimes[r] = System.nanoTime() - s;
      }
      Arrays.sort(statTimes);
      long[] bruteStatTimes = new long[5];
      for (int r = 0; r < bruteStatTimes.length; r++) {
        long s = System.nanoTime();
        bruteStats(prepared.get(0), lon, lat, town, date, type, dead);
        bruteStatTimes[r] = System.nanoTime() - s;
      }
      Arrays.sort(bruteStatTimes);

      System.out.printf(
          "%,d events, %d zones, %,d event-in-zone matches; counts agree with brute force: %s%n",
          nEvents, nZones, matched, joined.equals(brute) ? "yes" : "NO");
      System.out.println(
          "| query | ZoneEventStore (H2 + JTS) | brute force (Java, all × all) | speed-up | goal |");
      System.out.println("|---|---|---|---|---|");
      System.out.printf(
          "| events in zone, all zones (best of 3) | %.0f ms | %.0f ms | %.1f× | ≤ 2000 ms: %s |%n",
          best / 1e6, bruteBest / 1e6, (double) bruteBest / best, best <= 2e9 ? "met" : "MISSED");
      long median = statTimes[statTimes.length / 2];
      long bruteMedian = bruteStatTimes[bruteStatTimes.length / 2];
      System.out.printf(
          "| one zone's monthly stats (median of 20) | %.1f ms | %.1f ms | %.1f× | ≤ 50 ms: %s |%n",
          median / 1e6,
          bruteMedian / 1e6,
          (double) bruteMedian / median,
          median <= 50e6 ? "met" : "MISSED");
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void load(
      Database db,
      double[] lon,
      double[] lat,
      boolean[] town,
      LocalDate[] date,
      int[] type,
      int[] dead) {
    long article =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO articles (title, body, content_hash, ingested_at)"
                          + " VALUES ('bench', 'bench', 'bench', CURRENT_TIMESTAMP)",
                      new String[] {"id"})) {
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    String sql =
        "INSERT INTO events (article_id, event_date, event_type, geo_precision, time_precision,"
            + " fatalities, precision, country_code, lat, lon, geom, sentence_start, sentence_end)"
            + " VALUES (?, ?, ?, ?, 1, ?, ?, 'SY', ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 0, 0)";
    int batch = 20_000;
    for (int from = 0; from < lon.length; from += batch) {
      int lo = from;
      int hi = Math.min(lon.length, from + batch);
      db.inTransaction(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int i = lo; i < hi; i++) {
                ps.setLong(1, article);
                ps.setObject(2, date[i]);
                ps.setString(3, TYPES[type[i]]);
                ps.setInt(4, town[i] ? 1 : 3);
                ps.setInt(5, dead[i]);
                ps.setString(6, town[i] ? "town" : "region");
                ps.setDouble(7, lat[i]);
                ps.setDouble(8, lon[i]);
                ps.setDouble(9, lon[i]);
                ps.setDouble(10, lat[i]);
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return null;
          });
    }
  }

  /** An irregular 24-sided polygon of 0.1° to 0.4° radius somewhere over the events. */
  private static ZoneDraft zone(Random rnd, int n) {
    double cx = 35.5 + rnd.nextDouble() * 7;
    double cy = 32.5 + rnd.nextDouble() * 5;
    double r = 0.1 + rnd.nextDouble() * 0.3;
    Coordinate[] ring = new Coordinate[25];
    for (int i = 0; i < 24; i++) {
      double a = 2 * Math.PI * i / 24;
      double rr = r * (0.7 + 0.3 * rnd.nextDouble());
      ring[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    ring[24] = ring[0];
    Polygon p = WGS84.createPolygon(ring);
    return new ZoneDraft(
        "bench zone " + n, ZoneKind.OTHER, null, Map.of(), LocalDate.of(2017, 1, 1), null, p);
  }

  private static Map<Long, Long> bruteCounts(
      List<Zone> zones,
      List<PreparedGeometry> prepared,
      double[] lon,
      double[] lat,
      boolean[] town) {
    Map<Long, Long> out = new HashMap<>();
    for (int z = 0; z < zones.size(); z++) {
      PreparedGeometry g = prepared.get(z);
      long n = 0;
      for (int i = 0; i < lon.length; i++) {
        if (town[i] && g.contains(WGS84.createPoint(new Coordinate(lon[i], lat[i])))) {
          n++;
        }
      }
      if (n > 0) {
        out.put(zones.get(z).id(), n);
      }
    }
    return out;
  }

  private static Map<LocalDate, long[]> bruteStats(
      PreparedGeometry g,
      double[] lon,
      double[] lat,
      boolean[] town,
      LocalDate[] date,
      int[] type,
      int[] dead) {
    Map<LocalDate, long[]> out = new HashMap<>();
    for (int i = 0; i < lon.length; i++) {
      if (town[i] && g.contains(WGS84.createPoint(new Coordinate(lon[i], lat[i])))) {
        long[] b = out.computeIfAbsent(date[i].withDayOfMonth(1), d -> new long[TYPES.length + 1]);
        b[type[i]]++;
        b[TYPES.length] += dead[i];
      }
    }
    return out;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
