package org.conflictmap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Random;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventStore;

/**
 * Export at scale: N events (default 1,000,000) in the embedded store, exported as CSV and GeoJSON
 * to a writer that only counts characters. Prints the time and the peak heap in use during each
 * export beside the baseline of the same run: a bare JDBC scan of the events table (the least an
 * export can cost) and the heap in use before the export. Run it with a small heap ({@code java
 * -Xmx256m -jar ... export}) to show that the export's memory does not grow with N.
 */
final class ExportBench {
  private static final String[] TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments"
  };

  private ExportBench() {}

  static void run(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("exportbench");
    try (Database db = Database.embedded(dir)) {
      long t0 = System.nanoTime();
      load(db, n);
      System.out.printf("loaded %,d events in %.1f s%n", n, secs(t0));
      long scanT = System.nanoTime();
      long scanned =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT id, event_date, event_type, lat, lon FROM events"
                                + " ORDER BY event_date DESC, id");
                    ResultSet rs = ps.executeQuery()) {
                  long k = 0;
                  while (rs.next()) {
                    k += rs.getLong(1) > 0 ? 1 : 0;
                  }
                  return k;
                }
              });
      System.out.printf(
          "baseline: bare JDBC scan of %,d rows in date order: %.1f s%n", scanned, secs(scanT));
      EventStore store = new EventStore(db);
      ObjectMapper json = new ObjectMapper();
      for (EventExport.Format f :
          new EventExport.Format[] {EventExport.Format.CSV, EventExport.Format.GEOJSON}) {
        long before = Heap.usedAfterGc();
        resetPeaks();
        CountingWriter out = new CountingWriter();
        long t = System.nanoTime();
        long rows = EventExport.write(store, EventQuery.all(), f, out, json);
        double s = secs(t);
        System.out.printf(
            "export %s: %,d events, %,d MB written in %.1f s (%,.0f events/s); heap before %d MB,"
                + " peak during %d MB, max heap %d MB%n",
            f,
            rows,
            out.chars >> 20,
            s,
            rows / s,
            before >> 20,
            peakHeap() >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
      }
    }
  }

  private static void load(Database db, int n) {
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
            + " fatalities, precision, country_code, lat, lon, geom, sentence_start, sentence_end,"
            + " place_name, notes)"
            + " VALUES (?, ?, ?, 1, 1, ?, 'town', 'SY', ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326),"
            + " 0, 0, ?, ?)";
    Random rnd = new Random(42);
    LocalDate start = LocalDate.of(2017, 1, 1);
    int batch = 20_000;
    for (int from = 0; from < n; from += batch) {
      int hi = Math.min(n, from + batch);
      int lo = from;
      db.inTransaction(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int i = lo; i < hi; i++) {
                double lon = 35 + rnd.nextDouble() * 8;
                double lat = 32 + rnd.nextDouble() * 6;
                ps.setLong(1, article);
                ps.setObject(2, start.plusDays(rnd.nextInt(4 * 365)));
                ps.setString(3, TYPES[rnd.nextInt(TYPES.length)]);
                ps.setInt(4, rnd.nextInt(4));
                ps.setDouble(5, lat);
                ps.setDouble(6, lon);
                ps.setDouble(7, lon);
                ps.setDouble(8, lat);
                ps.setString(9, "Town " + i);
                ps.setString(10, "Shelling hit the town, \"again\", event " + i + ".");
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return null;
          });
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Counts what is written and keeps nothing. */
  private static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] cbuf, int off, int len) {
      chars += len;
    }

    @Override
    public void write(String s) {
      chars += s.length();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
