package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.sample.EventGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The generator's bulk path leaves the store that ingest leaves: the same generated articles are
 * written once by {@link BulkEvents} and once article by article through {@link IngestStore} (which
 * merges re-reports itself), and the two stores read back alike, event by event and source by
 * source. The capped count agrees with the plain one on the same store.
 */
class GeneratedStoreTest {
  @TempDir static Path bulkDir;
  @TempDir static Path ingestDir;
  static Database bulk;
  static Database ingested;
  static final int EVENTS = 600;

  @BeforeAll
  static void fill() {
    bulk = Database.embedded(bulkDir);
    ingested = Database.embedded(ingestDir);
    List<BulkEvents.Batch> batches = new ArrayList<>();
    new EventGenerator(Gazetteer.loadDefault(), 21, "same").generate(EVENTS, batches::add);
    BulkEvents writer = new BulkEvents(bulk);
    IngestStore ingest = new IngestStore(ingested);
    for (BulkEvents.Batch b : batches) {
      writer.write(b);
      for (int a = 0; a < b.articles().size(); a++) {
        List<NewEvent> reports = new ArrayList<>();
        for (List<BulkEvents.Report> event : b.events()) {
          for (BulkEvents.Report r : event) {
            if (r.article() == a) {
              reports.add(r.event());
            }
          }
        }
        reports.sort(Comparator.comparingInt(NewEvent::sentenceStart));
        BulkEvents.ArticleRow row = b.articles().get(a);
        IngestResult result = ingest.save(row.article(), row.contentHash(), reports);
        assertThat(result.duplicate()).isFalse();
      }
    }
  }

  @AfterAll
  static void close() {
    bulk.close();
    ingested.close();
  }

  private static List<String> readBack(Database db) {
    EventQuery all =
        new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), EventQuery.MAX_LIMIT);
    return new EventStore(db)
        .find(all).stream().map(GeneratedStoreTest::withoutIds).sorted().toList();
  }

  /** Everything a reader sees of an event except the ids, which depend on the order of writes. */
  private static String withoutIds(Event e) {
    String sources =
        e.sources().stream()
            .map(
                s ->
                    String.join(
                        "|",
                        s.articleTitle(),
                        s.sourceUrl(),
                        s.sentence(),
                        s.sentenceStart() + "-" + s.sentenceEnd(),
                        s.fatalities() + "/" + s.injuries()))
            .collect(Collectors.joining(" ; "));
    return String.join(
        " # ",
        e.articleTitle(),
        e.sourceUrl(),
        e.eventDate() + ".." + e.eventDateEnd(),
        e.eventType(),
        String.valueOf(e.subEventType()),
        e.geoPrecision() + "/" + e.timePrecision() + "/" + e.precision(),
        e.fatalities() + "/" + e.injuries() + "/" + e.planned(),
        e.placeKey() + "/" + e.placeId() + "/" + e.placeName() + "/" + e.countryCode(),
        e.lat() + "," + e.lon(),
        e.notes(),
        e.sentence() + "@" + e.sentenceStart() + "-" + e.sentenceEnd(),
        e.actors().toString(),
        String.valueOf(e.typeConfidence()),
        e.corroboration() + " sources: " + sources);
  }

  @Test
  void theBulkStoreReadsBackAsTheIngestedOne() {
    List<String> fromBulk = readBack(bulk);
    assertThat(fromBulk).hasSize(EVENTS);
    assertThat(readBack(ingested)).containsExactlyElementsOf(fromBulk);
    assertThat(rows(bulk, "articles")).isEqualTo(rows(ingested, "articles"));
    assertThat(rows(bulk, "event_sources")).isEqualTo(rows(ingested, "event_sources"));
  }

  @Test
  void theGeneratedEventsHaveTheVarietyOfNews() {
    EventQuery all =
        new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), EventQuery.MAX_LIMIT);
    List<Event> events = new EventStore(bulk).find(all);
    assertThat(events.stream().map(Event::eventType).collect(Collectors.toSet()))
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(events.stream().map(Event::geoPrecision).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(events.stream().map(Event::timePrecision).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(events.stream().map(Event::countryCode).distinct().count()).isGreaterThan(50);
    assertThat(events).anyMatch(e -> e.corroboration() >= 2);
    assertThat(events).anyMatch(e -> e.corroboration() == 1);
    assertThat(events).anyMatch(Event::planned);
    assertThat(events).anyMatch(e -> e.eventDateEnd() != null);
    assertThat(events)
        .allMatch(
            e ->
                !e.eventDate().isBefore(LocalDate.of(2018, 1, 1))
                    && !e.eventDate().isAfter(LocalDate.of(2024, 12, 31)));
  }

  @Test
  void cappedCountsAgreeWithThePlainCount() {
    EventStore store = new EventStore(bulk);
    List<EventQuery> queries =
        List.of(
            new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10),
            new EventQuery(
                Optional.of(new Envelope(-20, 60, -40, 60)),
                Optional.of(LocalDate.of(2019, 1, 1)),
                Optional.empty(),
                10),
            new EventQuery(
                Optional.of(new Envelope(160, 200, -50, 10)),
                Optional.empty(),
                Optional.empty(),
                10),
            new EventQuery(
                Optional.empty(),
                Optional.of(LocalDate.of(2020, 1, 1)),
                Optional.of(LocalDate.of(2020, 3, 31)),
                10,
                Set.of("Battles", "Riots"),
                Optional.empty(),
                Optional.empty()));
    for (EventQuery q : queries) {
      long plain = store.count(q);
      assertThat(store.countUpTo(q, 100_000))
          .as(q.toString())
          .isEqualTo(new EventStore.Count(plain, true));
      assertThat(store.countUpTo(q, (int) plain)).isEqualTo(new EventStore.Count(plain, true));
      if (plain > 0) {
        assertThat(store.countUpTo(q, (int) plain - 1))
            .isEqualTo(new EventStore.Count(plain - 1, false));
      }
    }
    assertThat(store.count(queries.get(0))).isEqualTo(EVENTS);
  }

  private static long rows(Database db, String table) {
    return db.inTransaction(
        c -> {
          try (var ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
              var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
