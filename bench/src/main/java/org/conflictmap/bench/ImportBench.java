package org.conflictmap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.export.EventExport;
import org.conflictmap.imports.EventImport;
import org.conflictmap.imports.ImportFormat;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventImportStore;
import org.conflictmap.store.IngestStore;

/**
 * Import at scale: an ACLED-layout CSV of N rows (default 100,000, made up here, every column
 * filled as ACLED fills it) read three ways in one run, each as rows/s: parsed and checked only,
 * imported into an empty embedded store (one transaction, batched through BulkEvents), and imported
 * again (every row found already stored). The baseline is the per-event path: the same rows written
 * one transaction each through {@link IngestStore#save}, as an article with one event (the first
 * {@code baseline} rows, default 2,000, since it is slow). Arguments: rows, baseline rows, H2's
 * page cache in MB (0: as the import command opens the store), and a PostgreSQL server URL to
 * repeat the two imports on PostGIS. Each figure comes with the process's CPU seconds and the load
 * average.
 */
final class ImportBench {
  private static final String[][] TYPES = {
    {"Battles", "Armed clash"},
    {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Violence against civilians", "Attack"},
    {"Protests", "Peaceful protest"},
    {"Riots", "Mob violence"},
    {"Strategic developments", "Agreement"}
  };

  private ImportBench() {}

  static void run(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int baseline = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    // H2's page cache in MB for the import store (default: H2's own, 16 MB), to see what misses
    // cost
    int cacheMb = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    // a PostgreSQL server (jdbc:postgresql://host:port/postgres, user and password from
    // CONFLICTMAP_TEST_POSTGIS_USER / _PASSWORD): the same two imports into a database made there
    String postgis = args.length > 3 ? args[3] : null;
    Path dir = Files.createTempDirectory("importbench");
    Path csv = dir.resolve("acled.csv");
    write(csv, n);
    System.out.printf(
        "%,d ACLED rows, %,d MB of CSV; load average %.1f%n",
        n,
        Files.size(csv) >> 20,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ObjectMapper json = new ObjectMapper();

    long t = System.nanoTime();
    long cpu = cpu();
    EventImport.Summary parsed;
    try (InputStream in = open(csv)) {
      parsed = EventImport.check(in, ImportFormat.ACLED_CSV, json);
    }
    report("parse and check only", parsed.rows(), t, cpu);

    // as the import command opens the store (Database.bulkPageCacheKb), unless a size is given
    long cacheKb =
        cacheMb > 0 ? cacheMb * 1024L : Database.bulkPageCacheKb(Runtime.getRuntime().maxMemory());
    System.out.printf("H2 page cache %d MB%n", cacheKb >> 10);
    try (Database db = Database.embedded(dir.resolve("store"), cacheKb)) {
      importTwice(db, csv, json, "");
    }
    if (postgis != null) {
      try (Postgres pg = new Postgres(postgis)) {
        importTwice(pg.db, csv, json, "PostGIS: ");
      }
    }

    try (Database db = Database.embedded(dir.resolve("baseline"))) {
      IngestStore ingest = new IngestStore(db);
      Random rnd = new Random(7);
      t = System.nanoTime();
      cpu = cpu();
      for (int i = 0; i < baseline; i++) {
        NewEvent e = event(rnd, i);
        ingest.save(new NewArticle("source " + i, e.notes(), null, null), "bench-" + i, List.of(e));
      }
      report("baseline: per-event path, one IngestStore.save each", baseline, t, cpu);
    }
  }

  private static void importTwice(Database db, Path csv, ObjectMapper json, String label)
      throws java.io.IOException {
    EventImportStore store = new EventImportStore(db);
    long t = System.nanoTime();
    long cpu = cpu();
    EventImport.Summary first;
    try (InputStream in = open(csv)) {
      first = EventImport.run(in, ImportFormat.ACLED_CSV, store, json, r -> {});
    }
    report(
        label + "import into an empty store (" + first.added() + " added)", first.rows(), t, cpu);
    t = System.nanoTime();
    cpu = cpu();
    EventImport.Summary again;
    try (InputStream in = open(csv)) {
      again = EventImport.run(in, ImportFormat.ACLED_CSV, store, json, r -> {});
    }
    report(label + "re-import (" + again.known() + " already stored)", again.rows(), t, cpu);
  }

  /** A database with PostGIS made on a server for one run, dropped after it. */
  private static final class Postgres implements AutoCloseable {
    final String server;
    final String name = "conflictmap_importbench_" + ProcessHandle.current().pid();
    final String user = env("CONFLICTMAP_TEST_POSTGIS_USER", "conflictmap");
    final String password = env("CONFLICTMAP_TEST_POSTGIS_PASSWORD", "conflictmap");
    final Database db;

    Postgres(String server) throws java.sql.SQLException {
      this.server = server;
      try (var c = java.sql.DriverManager.getConnection(server, user, password);
          var st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      try (var c = java.sql.DriverManager.getConnection(url(), user, password);
          var st = c.createStatement()) {
        st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
      }
      db = Database.connect(url(), user, password);
    }

    private String url() {
      int slash = server.lastIndexOf('/');
      return server.substring(0, slash + 1) + name;
    }

    private static String env(String key, String fallback) {
      String v = System.getenv(key);
      return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() throws java.sql.SQLException {
      db.close();
      try (var c = java.sql.DriverManager.getConnection(server, user, password);
          var st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** CPU time of the whole process (every thread: H2 serialises pages on its own). */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static InputStream open(Path p) throws java.io.IOException {
    return new BufferedInputStream(Files.newInputStream(p), 1 << 16);
  }

  private static void report(String what, long rows, long t0, long cpu0) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-60s %,9d rows in %6.2f s: %,10.0f rows/s, %6.2f s of CPU (load %.1f)%n",
        what,
        rows,
        s,
        rows / s,
        (cpu() - cpu0) / 1e9,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static NewEvent event(Random rnd, int i) {
    String[] type = TYPES[rnd.nextInt(TYPES.length)];
    double lat = 32 + rnd.nextDouble() * 6;
    double lon = 35 + rnd.nextDouble() * 8;
    String notes = "On a day in 2019, event " + i + " was reported near the town.";
    return new NewEvent(
        LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(2000)),
        type[0],
        type[1],
        1,
        1,
        rnd.nextInt(5),
        notes,
        null,
        null,
        "Town " + i % 500,
        "SY",
        "town",
        lat,
        lon,
        notes,
        0,
        notes.length(),
        null,
        null,
        false,
        List.of(new Actor("Military Forces of Syria (2000-2024)", null)),
        1.0,
        null);
  }

  /** An ACLED-layout CSV: ACLED's 31 columns, as its export fills them. */
  private static void write(Path csv, int n) throws java.io.IOException {
    Random rnd = new Random(7);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(String.join(",", EventExport.ACLED_COLUMNS));
      w.write("\r\n");
      for (int i = 0; i < n; i++) {
        NewEvent e = event(rnd, i);
        String[] v = {
          "SYR" + (100000 + i),
          e.eventDate().toString(),
          Integer.toString(e.eventDate().getYear()),
          "1",
          "Political violence",
          e.eventType(),
          e.subEventType(),
          "Military Forces of Syria (2000-2024)",
          "",
          "1",
          "Unidentified Armed Group (Syria)",
          "",
          "3",
          "13",
          "",
          "760",
          "Middle East",
          "Syria",
          "Idleb",
          "Idleb",
          "",
          e.placeName(),
          Double.toString(e.lat()),
          Double.toString(e.lon()),
          "1",
          "Syrian Observatory for Human Rights",
          "Other",
          "\"" + e.notes() + " A second, \"\"quoted\"\" sentence.\"",
          Integer.toString(e.fatalities()),
          "",
          "1700000000"
        };
        w.write(String.join(",", v));
        w.write("\r\n");
      }
    }
  }
}
