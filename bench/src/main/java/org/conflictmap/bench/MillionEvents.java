package org.conflictmap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.conflictmap.store.Database;

/**
 * A store of about a million events for {@link IngestLoadBench}, kept between runs: events
 * clustered within a few km of gazetteer towns weighted by population, the six ACLED types, 2018 to
 * 2024, one source each, 50 to an article, written by plain batched SQL (scalestore's {@code
 * generate-events} is the faithful generator; this stand-in only needs the row counts and spread a
 * lookup meets).
 */
final class MillionEvents {
  private static final String[] TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments"
  };
  private static final int EVENTS_PER_ARTICLE = 50;
  private static final int CHUNK = 20_000;

  private MillionEvents() {}

  /** Fills {@code dir} up to {@code count} events unless it holds that many; returns the count. */
  static long ensure(Path dir, int count, List<IngestLoadBench.Town> towns) throws IOException {
    Files.createDirectories(dir);
    try (Database db = Database.embedded(dir)) {
      long have = count(db);
      if (have >= count) {
        System.out.printf("big store %s: %,d events (reused)%n", dir, have);
        return have;
      }
      long t0 = System.nanoTime();
      Random r = new Random(1_000_000L + have);
      long[] cumulative = IngestLoadBench.weights(towns);
      for (long done = have; done < count; done += CHUNK) {
        int n = (int) Math.min(CHUNK, count - done);
        long first = done;
        db.inTransaction(
            c -> {
              long article = 0;
              try (PreparedStatement a =
                      c.prepareStatement(
                          "INSERT INTO articles (title, body, url, published, content_hash,"
                              + " ingested_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                          new String[] {"id"});
                  PreparedStatement e =
                      c.prepareStatement(
                          "INSERT INTO events (article_id, event_date, event_type, geo_precision,"
                              + " time_precision, fatalities, notes, place_key, place_id,"
                              + " place_name, country_code, precision, lat, lon, geom, sentence,"
                              + " sentence_start, sentence_end, planned, actors, type_confidence)"
                              + " VALUES (?, ?, ?, 1, 1, ?, NULL, ?, NULL, ?, ?, 'town', ?, ?,"
                              + " ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, 0, ?, FALSE, '[]', 0.8)")) {
                for (int i = 0; i < n; i++) {
                  long serial = first + i;
                  LocalDate day = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(7 * 365));
                  if (serial % EVENTS_PER_ARTICLE == 0 || article == 0) {
                    a.setString(1, "generated " + serial);
                    a.setString(2, "generated article " + serial);
                    a.setString(3, "https://generated.example/" + serial);
                    a.setObject(4, day);
                    a.setString(5, "generated-" + serial);
                    a.executeUpdate();
                    try (ResultSet k = a.getGeneratedKeys()) {
                      k.next();
                      article = k.getLong(1);
                    }
                  }
                  IngestLoadBench.Town t = IngestLoadBench.pick(towns, cumulative, r);
                  // within about 5 km of the town
                  double lat = t.lat() + (r.nextDouble() - 0.5) * 0.09;
                  double lon = t.lon() + (r.nextDouble() - 0.5) * 0.09;
                  String sentence = "Generated event " + serial + " at " + t.name() + ".";
                  e.setLong(1, article);
                  e.setObject(2, day);
                  e.setString(3, TYPES[r.nextInt(TYPES.length)]);
                  e.setInt(4, r.nextInt(10));
                  e.setString(5, t.key());
                  e.setString(6, t.name());
                  e.setString(7, t.countryCode());
                  e.setDouble(8, lat);
                  e.setDouble(9, lon);
                  e.setDouble(10, lon);
                  e.setDouble(11, lat);
                  e.setString(12, sentence);
                  e.setInt(13, sentence.length());
                  e.addBatch();
                }
                e.executeBatch();
              }
              return null;
            });
        System.out.printf(
            "  filled %,d events (%.0f s)%n", done + n, (System.nanoTime() - t0) / 1e9);
      }
      // one source per event, as ingest writes it
      long maxId = db.inTransaction(c -> one(c, "SELECT COALESCE(MAX(id), 0) FROM events"));
      long from =
          db.inTransaction(c -> one(c, "SELECT COALESCE(MAX(event_id), 0) FROM event_sources"));
      for (long lo = from; lo < maxId; lo += CHUNK) {
        long start = lo;
        db.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO event_sources (event_id, article_id, source_url, sentence,"
                          + " sentence_start, sentence_end, ext_event_type, ext_event_date,"
                          + " ext_place_key, ext_lat, ext_lon, ext_geo_precision, fatalities,"
                          + " planned, actors, type_confidence, added_at)"
                          + " SELECT id, article_id, NULL, sentence, sentence_start, sentence_end,"
                          + " event_type, event_date, place_key, lat, lon, geo_precision,"
                          + " fatalities, planned, actors, type_confidence, CURRENT_TIMESTAMP"
                          + " FROM events WHERE id > ? AND id <= ?")) {
                s.setLong(1, start);
                s.setLong(2, start + CHUNK);
                return s.executeUpdate();
              }
            });
      }
      have = count(db);
      System.out.printf(
          "big store %s: %,d events (filled in %.0f s)%n",
          dir, have, (System.nanoTime() - t0) / 1e9);
      return have;
    }
  }

  private static long count(Database db) {
    return db.inTransaction(c -> one(c, "SELECT COUNT(*) FROM events"));
  }

  private static long one(java.sql.Connection c, String sql) throws java.sql.SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
