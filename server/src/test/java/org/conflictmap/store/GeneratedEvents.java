package org.conflictmap.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/**
 * Fills a store with generated events through {@link IngestStore} (the path ingest takes, merges
 * included): points scattered around a few towns of northern Syria and Turkey, all types, dated
 * over 2019–2021, five events per article.
 */
public final class GeneratedEvents {
  static final String[] TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments"
  };
  // lon, lat: Idlib, Saraqib, Aleppo, Gaziantep, Ankara
  static final double[][] TOWNS = {
    {36.63, 35.93}, {36.80, 35.86}, {37.16, 36.20}, {37.38, 37.07}, {32.85, 39.93}
  };

  private GeneratedEvents() {}

  /** Writes {@code articles} articles of five events each into the store in {@code dataDir}. */
  public static void fill(Path dataDir, int articles, long seed) {
    Random r = new Random(seed);
    try (Database db = Database.embedded(dataDir)) {
      IngestStore store = new IngestStore(db);
      for (int a = 0; a < articles; a++) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          double[] town = TOWNS[r.nextInt(TOWNS.length)];
          double lon = town[0] + r.nextGaussian() * 0.3;
          double lat = town[1] + r.nextGaussian() * 0.3;
          events.add(
              new NewEvent(
                  LocalDate.of(2019, 1, 1).plusDays(r.nextInt(3 * 365)),
                  TYPES[r.nextInt(TYPES.length)],
                  null,
                  1,
                  1,
                  r.nextInt(10),
                  null,
                  "test:" + lon + "," + lat,
                  null,
                  "Town " + a + "-" + i,
                  town[0] < 36 || town[1] > 37 ? "TR" : "SY",
                  "town",
                  lat,
                  lon,
                  "Generated event " + a + "-" + i + ".",
                  i * 30,
                  i * 30 + 25,
                  null,
                  null,
                  false,
                  List.of(),
                  0.5,
                  null));
        }
        store.save(
            new NewArticle(
                "Generated " + a, "body " + a, "https://generated.example/" + seed + "/" + a, null),
            "generated-" + seed + "-" + a,
            events);
      }
    }
  }
}
