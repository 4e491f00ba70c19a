package org.conflictmap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.events.Actor;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.export.EventExport;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventImportStore;
import org.conflictmap.store.EventStore;
import org.conflictmap.store.IngestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Import of ACLED CSV and of our own CSV, GeoJSON and KML exports into a real store: round trips
 * keep every field, a file is stored whole or not at all, and a second import adds nothing.
 */
class EventImportTest {
  /** A new, empty store: embedded H2 here, PostGIS in {@link EventImportOnPostgisTest}. */
  Database database() {
    return Database.embedded(dir.resolve("db" + opened.size()));
  }

  @TempDir java.nio.file.Path dir;
  private final List<Database> opened = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  private Database fresh() {
    Database db = database();
    opened.add(db);
    return db;
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  private EventImport.Summary importInto(Database db, byte[] file, ImportFormat f) {
    return EventImport.run(
        new ByteArrayInputStream(file), f, new EventImportStore(db), json, n -> {});
  }

  private String export(Database db, EventExport.Format f) throws IOException {
    StringWriter w = new StringWriter();
    EventExport.write(new EventStore(db), EventQuery.all(), f, w, json);
    return w.toString();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = EventImportTest.class.getResourceAsStream("/imports/" + name)) {
      return in.readAllBytes();
    }
  }

  private static NewEvent event(
      LocalDate day,
      String type,
      String sub,
      double lat,
      double lon,
      String sentence,
      Integer fatalities,
      List<Actor> actors) {
    return new NewEvent(
        day,
        type,
        sub,
        1,
        1,
        fatalities,
        sentence,
        "163345",
        163345L,
        "Idlib",
        "SY",
        "town",
        lat,
        lon,
        sentence,
        4,
        4 + sentence.length(),
        null,
        null,
        false,
        actors,
        0.8,
        null);
  }

  /** A store with the fields an export must carry: nulls, ranges, actors, two sources, odd text. */
  private Database source() {
    Database db = fresh();
    IngestStore ingest = new IngestStore(db);
    String tricky = "Shelling, \"heavy\" one;\r\nsecond line\tand\r a CR, <b>&amp;</b> ünï 中文";
    ingest.save(
        new NewArticle(
            "Idlib, shelled", "Body one.", "https://example.org/a", LocalDate.of(2019, 8, 27)),
        "hash-a",
        List.of(
            event(
                LocalDate.of(2019, 8, 27),
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                35.9306,
                36.6339,
                tricky,
                3,
                List.of(
                    new Actor("Military Forces of Syria", "SY"),
                    new Actor("HTS", null),
                    new Actor("Civilians; farmers", null)))));
    // a second report of the same event: one event, two sources, the lower toll
    ingest.save(
        new NewArticle(
            "Second report", "Body two.", "https://example.org/b", LocalDate.of(2019, 8, 28)),
        "hash-b",
        List.of(
            event(
                LocalDate.of(2019, 8, 27),
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                35.9310,
                36.6340,
                "Two died in the shelling.",
                2,
                List.of(new Actor("HTS", null)))));
    // no URL, no figures, a range, planned, a formula-looking note, region precision
    ingest.save(
        new NewArticle(null, "Pasted body.", null, null),
        "hash-c",
        List.of(
            new NewEvent(
                LocalDate.of(2019, 9, 1),
                "Protests",
                null,
                3,
                2,
                null,
                "-planned march",
                "admin1:SY.12",
                null,
                null,
                null,
                "region",
                35.8,
                36.7,
                "=SUM(A1)",
                0,
                8,
                LocalDate.of(2019, 9, 3),
                5,
                true,
                List.of(),
                0.45,
                null)));
    return db;
  }

  private static List<Map<String, String>> csvRecords(String csv) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    CsvRows.read(
        new StringReader(csv),
        Set.of(),
        new RowSink() {
          @Override
          public void row(int row, Map<String, String> fields) {
            Map<String, String> m = new HashMap<>(fields);
            m.remove("cm_id"); // the store's own row number
            out.add(m);
          }

          @Override
          public void problem(RowProblem p) {
            problems.add(p);
          }
        });
    assertThat(problems).isEmpty();
    return out;
  }

  @Test
  void csvRoundTripKeepsEveryField() throws IOException {
    String first = export(source(), EventExport.Format.CSV);
    Database target = fresh();
    EventImport.Summary s =
        importInto(target, first.getBytes(StandardCharsets.UTF_8), ImportFormat.ACLED_CSV);
    assertThat(s).isEqualTo(new EventImport.Summary(2, 2, 0));
    String second = export(target, EventExport.Format.CSV);

    assertThat(csvRecords(second)).isEqualTo(csvRecords(first));
    assertThat(second.lines().findFirst()).isEqualTo(first.lines().findFirst());
    Event shelling =
        new EventStore(target)
            .find(EventQuery.all()).stream()
                .filter(e -> e.eventType().startsWith("Explosions"))
                .findFirst()
                .orElseThrow();
    assertThat(shelling.sources()).hasSize(2);
    assertThat(shelling.fatalities()).isEqualTo(2);
    assertThat(shelling.corroboration()).isEqualTo(2);
    assertThat(shelling.actors())
        .containsExactly(
            new Actor("Military Forces of Syria", "SY"),
            new Actor("HTS", null),
            new Actor("Civilians; farmers", null));
    assertThat(shelling.notes()).contains("\r\nsecond line\tand\r a CR");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventExport.Format.class,
      names = {"GEOJSON", "KML"})
  void geoJsonAndKmlRoundTripsKeepEveryField(EventExport.Format format) throws IOException {
    Database src = source();
    String first = export(src, format);
    Database target = fresh();
    ImportFormat f = format == EventExport.Format.KML ? ImportFormat.KML : ImportFormat.GEOJSON;
    EventImport.Summary s = importInto(target, first.getBytes(StandardCharsets.UTF_8), f);
    assertThat(s.added()).isEqualTo(2);
    String second = export(target, format);
    if (format == EventExport.Format.KML) {
      assertThat(withoutKmlIds(second)).isEqualTo(withoutKmlIds(first));
      assertThat(first).contains("&#13;");
    } else {
      assertThat(withoutJsonIds(second)).isEqualTo(withoutJsonIds(first));
    }
    // and the CSV of both stores is the same too
    assertThat(csvRecords(export(target, EventExport.Format.CSV)))
        .isEqualTo(csvRecords(export(src, EventExport.Format.CSV)));
  }

  private static String withoutKmlIds(String kml) {
    return kml.replaceAll("id=\"event-\\d+\"", "id=\"event-ID\"")
        .replaceAll("<Data name=\"cm_id\"><value>\\d+</value></Data>", "");
  }

  private JsonNode withoutJsonIds(String geojson) throws IOException {
    JsonNode fc = json.readTree(geojson);
    for (JsonNode f : fc.get("features")) {
      ((ObjectNode) f).remove("id");
      ObjectNode p = (ObjectNode) f.get("properties");
      p.remove("id");
      p.remove("article_id");
      for (JsonNode s : p.get("sources")) {
        ((ObjectNode) s).remove("article_id");
      }
    }
    return fc;
  }

  @Test
  void importingTheSameFileTwiceStoresItOnce() throws IOException {
    Database db = fresh();
    byte[] file = resource("acled-sample.csv");
    assertThat(importInto(db, file, ImportFormat.ACLED_CSV))
        .isEqualTo(new EventImport.Summary(5, 5, 0));
    assertThat(importInto(db, file, ImportFormat.ACLED_CSV))
        .isEqualTo(new EventImport.Summary(5, 0, 5));
    assertThat(new EventStore(db).find(EventQuery.all())).hasSize(5);
  }

  @Test
  void readsAcledColumns() throws IOException {
    Database db = fresh();
    importInto(db, resource("acled-sample.csv"), ImportFormat.ACLED_CSV);
    Map<String, Event> byId = new HashMap<>();
    new EventStore(db).find(EventQuery.all()).forEach(e -> byId.put(e.eventIdCnty(), e));
    assertThat(byId).containsOnlyKeys("SYR90001", "SYR90002", "TUR20003", "RUS30004", "SYR90005");

    Event strike = byId.get("SYR90002");
    assertThat(strike.eventDate()).isEqualTo(LocalDate.of(2019, 8, 28)); // "28 August 2019"
    assertThat(strike.eventType()).isEqualTo("Explosions/Remote violence");
    assertThat(strike.subEventType()).isEqualTo("Air/drone strike");
    assertThat(strike.countryCode()).isEqualTo("SY");
    assertThat(strike.placeName()).isEqualTo("Idleb");
    assertThat(strike.lat()).isEqualTo(35.9306);
    assertThat(strike.lon()).isEqualTo(36.6339);
    assertThat(strike.fatalities()).isZero();
    assertThat(strike.articleTitle()).isEqualTo("SANA; Reuters");
    assertThat(strike.notes())
        .isEqualTo(
            "Air strikes hit a market in Idleb city.\nA second strike followed. \"Several\" wounded; 0"
                + " reported dead.");
    assertThat(strike.actors())
        .extracting(Actor::name)
        .containsExactly(
            "Military Forces of Russia (2000-)",
            "Civilians (Syria)",
            "Military Forces of Syria (2000-2024)");
    assertThat(byId.get("RUS30004").geoPrecision()).isEqualTo(3);
    assertThat(byId.get("RUS30004").precision()).isEqualTo("region");
    assertThat(byId.get("RUS30004").timePrecision()).isEqualTo(3);
    assertThat(byId.get("TUR20003").countryCode()).isEqualTo("TR");
    assertThat(byId.get("TUR20003").notes()).contains("Kızılay");
  }

  @Test
  void byteOrderMarksAreRead() throws IOException {
    for (String name : List.of("utf8-bom.csv", "utf16-bom.csv")) {
      Database db = fresh();
      assertThat(importInto(db, resource(name), ImportFormat.ACLED_CSV).added())
          .as(name)
          .isEqualTo(5);
      Event e =
          new EventStore(db)
              .find(EventQuery.all()).stream()
                  .filter(x -> x.eventIdCnty().equals("SYR90001"))
                  .findFirst()
                  .orElseThrow();
      assertThat(e.countryCode()).as(name).isEqualTo("SY");
    }
  }

  private List<Map<String, Object>> refusal(byte[] file, ImportFormat f, Database db) {
    try {
      importInto(db, file, f);
    } catch (InputException e) {
      assertThat(e.kind()).isEqualTo(InputException.Kind.UNPROCESSABLE);
      assertThat(new EventStore(db).find(EventQuery.all())).as("nothing stored").isEmpty();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) e.extensions().get("errors");
      return rows;
    }
    throw new AssertionError("the import was not refused");
  }

  @Test
  void badRowsRefuseTheWholeFileWithEachFault() throws IOException {
    List<Map<String, Object>> errors =
        refusal(resource("bad-rows.csv"), ImportFormat.ACLED_CSV, fresh());
    assertThat(errors)
        .extracting(m -> m.get("row") + " " + m.get("column"))
        .containsExactly("2 latitude", "3 longitude", "4 event_date");
    assertThat(errors.get(0).get("reason").toString()).contains("135.93", "-90 to 90");
    assertThat(errors.get(2).get("reason").toString()).contains("2019-13-45");
  }

  @Test
  void aRefusedChunkAfterWrittenOnesLeavesNothing() {
    StringBuilder csv =
        new StringBuilder("event_id_cnty,event_date,event_type,latitude,longitude,geo_precision\n");
    int n = EventImport.CHUNK * 2 + 10;
    for (int i = 1; i <= n; i++) {
      csv.append("X")
          .append(i)
          .append(",2020-01-01,Battles,")
          .append(i == n ? "95" : "35.5")
          .append(",36.5,1\n");
    }
    Database db = fresh();
    List<Map<String, Object>> errors =
        refusal(csv.toString().getBytes(StandardCharsets.UTF_8), ImportFormat.ACLED_CSV, db);
    assertThat(errors).extracting(m -> m.get("row")).containsExactly(n);
  }

  @Test
  void aValueTooWideForTheStoreIsARefusedRowNotADatabaseError() {
    // written chunks first, then rows whose values the database itself would refuse mid-import
    StringBuilder csv =
        new StringBuilder(
            "event_id_cnty,event_date,event_type,latitude,longitude,geo_precision,location\n");
    int n = EventImport.CHUNK * 2 + 10;
    for (int i = 1; i <= n; i++) {
      csv.append(i == n ? "X".repeat(201) : "X" + i)
          .append(",2020-01-01,Battles,35.5,36.5,1,")
          .append(i == n - 1 ? "L".repeat(401) : "Idlib")
          .append('\n');
    }
    Database db = fresh();
    List<Map<String, Object>> errors =
        refusal(csv.toString().getBytes(StandardCharsets.UTF_8), ImportFormat.ACLED_CSV, db);
    assertThat(errors)
        .extracting(m -> m.get("row") + " " + m.get("column"))
        .containsExactly((n - 1) + " location", n + " event_id_cnty");
    assertThat(errors.get(0).get("reason").toString()).contains("401", "400");
    assertThat(rowsOf(db, "articles")).isZero();
  }

  @Test
  void aStoreFailureAfterWrittenChunksLeavesNothingOfTheFile() {
    Database db = fresh();
    EventImportStore store = new EventImportStore(db);
    List<EventImportStore.Item> first = items("A", EventImport.CHUNK);
    List<EventImportStore.Item> second = items("B", EventImport.CHUNK);
    // past the width of events.external_id: only the database refuses it, at insert time
    List<EventImportStore.Item> failing = items("C".repeat(300), 1);
    assertThatThrownBy(
            () ->
                store.inOneTransaction(
                    s -> {
                      assertThat(s.write(first)).isEqualTo(first.size());
                      assertThat(s.write(second)).isEqualTo(second.size());
                      return s.write(failing);
                    }))
        .isInstanceOf(org.conflictmap.store.StoreException.class);
    for (String table : List.of("events", "event_sources", "articles")) {
      assertThat(rowsOf(db, table)).as(table).isZero();
    }
    // the same rows go in afterwards: the failed file left no external id or article behind
    int again = store.inOneTransaction(s -> s.write(first));
    assertThat(again).isEqualTo(first.size());
    assertThat(rowsOf(db, "events")).isEqualTo(first.size());
  }

  private static List<EventImportStore.Item> items(String prefix, int n) {
    List<EventImportStore.Item> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String sentence = "Clashes in Idlib, report " + prefix + i + ".";
      NewEvent e =
          event(
              LocalDate.of(2020, 1, 1).plusDays(i % 300),
              "Battles",
              "Armed clash",
              35.9 + (i % 100) * 0.001,
              36.6,
              sentence,
              1,
              List.of(new Actor("Military Forces of Syria", "SY")));
      out.add(
          new EventImportStore.Item(
              n == 1 ? prefix : prefix + i,
              e,
              List.of(new EventImportStore.Source("Report", null, sentence, 0, 10, 1, null))));
    }
    return out;
  }

  private static long rowsOf(Database db, String table) {
    return db.inTransaction(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void duplicateRowsAreRefused() throws IOException {
    List<Map<String, Object>> errors =
        refusal(resource("duplicate-rows.csv"), ImportFormat.ACLED_CSV, fresh());
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).containsEntry("row", 6).containsEntry("column", "event_id_cnty");
    assertThat(errors.get(0).get("reason").toString()).contains("row 1", "SYR90001");
  }

  @Test
  void wrongHeadersEncodingsAndQuotesAreRefusedWithAReason() throws IOException {
    assertThat(refusal(resource("wrong-headers.csv"), ImportFormat.ACLED_CSV, fresh()))
        .extracting(m -> m.get("row") + " " + m.get("column"))
        .contains("0 event_date", "0 latitude", "0 longitude");
    assertThat(refusal(resource("semicolons.csv"), ImportFormat.ACLED_CSV, fresh()))
        .extracting(m -> m.get("reason").toString())
        .anySatisfy(r -> assertThat(r).contains("commas, not semicolons"));
    assertThat(refusal(resource("latin1.csv"), ImportFormat.ACLED_CSV, fresh()))
        .extracting(m -> m.get("reason").toString())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("not UTF-8", "save it as UTF-8"));
    assertThat(refusal(resource("open-quote.csv"), ImportFormat.ACLED_CSV, fresh()))
        .extracting(m -> m.get("reason").toString())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("never closed"));
    assertThat(
            refusal(
                ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                        + "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]},\"properties\":{}}]}")
                    .getBytes(StandardCharsets.UTF_8),
                ImportFormat.GEOJSON,
                fresh()))
        .extracting(m -> m.get("row") + " " + m.get("column"))
        .containsExactly("1 geometry");
    assertThat(
            refusal(
                "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x \"y\">]><kml/>"
                    .getBytes(StandardCharsets.UTF_8),
                ImportFormat.KML,
                fresh()))
        .extracting(m -> m.get("reason").toString())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("DOCTYPE"));
  }

  @Test
  void anUnknownTypeOrSubTypeIsRefused() {
    String csv =
        "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,geo_precision\n"
            + "A1,2020-01-01,Skirmish,,35,36,1\n"
            + "A2,2020-01-01,Battles,Peaceful protest,35,36,1\n";
    assertThat(refusal(csv.getBytes(StandardCharsets.UTF_8), ImportFormat.ACLED_CSV, fresh()))
        .extracting(m -> m.get("row") + " " + m.get("column"))
        .containsExactly("1 event_type", "2 sub_event_type");
  }

  @Test
  void aFileWithoutEventsIsRefused() {
    var store = fresh(); // outside the lambda: a skipped store must skip, not pass as a throw
    assertThatThrownBy(
            () ->
                importInto(
                    store,
                    "{\"type\":\"FeatureCollection\",\"features\":[]}"
                        .getBytes(StandardCharsets.UTF_8),
                    ImportFormat.GEOJSON))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no events");
  }
}
