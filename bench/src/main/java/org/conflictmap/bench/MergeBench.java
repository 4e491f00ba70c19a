package org.conflictmap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.store.Database;
import org.conflictmap.store.IngestStore;
import org.conflictmap.zones.RegionOutlines;

/**
 * What merging reports of one event costs as the store grows: milliseconds per stored article (5
 * events each) into an empty store (the baseline), into a store of about 20,000 events with new
 * events, and with reports of events already stored (the merge path). Then the approximate region
 * outline: the first request (builds the town index and the hull) against a cached one.
 */
final class MergeBench {
  private static final String[] TYPES = {
    "Battles", "Explosions/Remote violence", "Violence against civilians"
  };
  private static final int EVENTS_PER_ARTICLE = 5;

  private MergeBench() {}

  static void run(String[] args) throws Exception {
    int fill = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int sample = 200;
    Random random = new Random(42);
    // warm the JIT on both paths in a throwaway store, so the first measured case is not penalised
    Path warm = Files.createTempDirectory("conflictmap-bench-warmup");
    try (Database db = Database.embedded(warm)) {
      timePlainInserts(db, sample, random);
      timeArticles(new IngestStore(db), sample, new int[] {0}, () -> fresh(random), null);
    } finally {
      deleteTree(warm);
    }
    Path dir = Files.createTempDirectory("conflictmap-bench");
    List<List<NewEvent>> stored = new ArrayList<>();
    try (Database db = Database.embedded(dir)) {
      IngestStore store = new IngestStore(db);
      int[] serial = {0};
      double plain = timePlainInserts(db, sample, random);
      double empty = timeArticles(store, sample, serial, () -> fresh(random), stored);
      timeArticles(store, fill, serial, () -> fresh(random), stored);
      double full = timeArticles(store, sample, serial, () -> fresh(random), stored);
      double merging =
          timeArticles(
              store, sample, serial, () -> stored.get(random.nextInt(stored.size())), null);
      long events = (long) (sample * 2 + fill) * EVENTS_PER_ARTICLE;
      System.out.printf(
          "store: H2 file, %d articles of %d events%n", serial[0], EVENTS_PER_ARTICLE);
      System.out.printf("%-44s %10s %8s%n", "case", "ms/article", "ratio");
      System.out.printf("%-44s %10.2f %8.2f%n", "plain inserts, no merging (baseline)", plain, 1.0);
      System.out.printf("%-44s %10.2f %8.2f%n", "new events, empty store", empty, empty / plain);
      System.out.printf(
          "%-44s %10.2f %8.2f%n", "new events, ~" + events + " events stored", full, full / plain);
      System.out.printf(
          "%-44s %10.2f %8.2f%n",
          "reports of stored events (merged), same store", merging, merging / plain);
    } finally {
      deleteTree(dir);
    }

    Gazetteer gazetteer = Gazetteer.loadDefault();
    RegionOutlines outlines = new RegionOutlines(gazetteer);
    long t0 = System.nanoTime();
    outlines.outline("admin1:SY.09").orElseThrow();
    long first = System.nanoTime() - t0;
    t0 = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      outlines.outline("admin1:SY.09");
    }
    long cached = (System.nanoTime() - t0) / 1000;
    System.out.printf(
        "outline of a region: first %.1f ms (town index + hull), cached %.4f ms, ratio %.0f%n",
        first / 1e6, cached / 1e6, (double) first / Math.max(cached, 1));
  }

  /**
   * The insert path before merging existed: the article and its events in one transaction, no
   * lookups. Milliseconds per article.
   */
  private static double timePlainInserts(Database db, int n, Random random) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int id = i;
      List<NewEvent> events = fresh(random);
      db.inTransaction(
          c -> {
            long articleId;
            try (var ps =
                c.prepareStatement(
                    "INSERT INTO articles (title, body, url, content_hash, ingested_at)"
                        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                    new String[] {"id"})) {
              ps.setString(1, "plain " + id);
              ps.setString(2, "body " + id);
              ps.setString(3, "https://plain.example/" + id);
              ps.setString(4, "plain-" + id);
              ps.executeUpdate();
              try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                articleId = keys.getLong(1);
              }
            }
            for (NewEvent e : events) {
              try (var ps =
                  c.prepareStatement(
                      "INSERT INTO events (article_id, event_date, event_type, geo_precision,"
                          + " time_precision, fatalities, lat, lon, geom, sentence, sentence_start,"
                          + " sentence_end) VALUES (?, ?, ?, 1, 1, ?, ?, ?,"
                          + " ST_GeomFromText(?, 4326), ?, ?, ?)")) {
                ps.setLong(1, articleId);
                ps.setObject(2, e.eventDate());
                ps.setString(3, e.eventType());
                ps.setInt(4, e.fatalities());
                ps.setDouble(5, e.lat());
                ps.setDouble(6, e.lon());
                ps.setString(7, "POINT (" + e.lon() + " " + e.lat() + ")");
                ps.setString(8, e.sentence());
                ps.setInt(9, e.sentenceStart());
                ps.setInt(10, e.sentenceEnd());
                ps.executeUpdate();
              }
            }
            return null;
          });
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  /** Milliseconds per article to store {@code n} articles made by {@code events}. */
  private static double timeArticles(
      IngestStore store,
      int n,
      int[] serial,
      java.util.function.Supplier<List<NewEvent>> events,
      List<List<NewEvent>> keep)
      throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int id = serial[0]++;
      List<NewEvent> e = events.get();
      if (keep != null) {
        keep.add(e);
      }
      store.save(
          new NewArticle("bench " + id, "body " + id, "https://bench.example/" + id, null),
          "hash-" + id,
          e);
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private static List<NewEvent> fresh(Random r) {
    List<NewEvent> out = new ArrayList<>();
    for (int i = 0; i < EVENTS_PER_ARTICLE; i++) {
      LocalDate date = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(365));
      double lat = 32 + r.nextDouble() * 5;
      double lon = 35 + r.nextDouble() * 7;
      out.add(
          new NewEvent(
              date,
              TYPES[r.nextInt(TYPES.length)],
              null,
              1,
              1,
              r.nextInt(20),
              null,
              "bench:" + lat + "," + lon,
              null,
              "Somewhere",
              "SY",
              "town",
              lat,
              lon,
              "A sentence.",
              i * 20,
              i * 20 + 11,
              null,
              null,
              false,
              List.of(),
              0.5,
              null));
    }
    return out;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
