package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.conflictmap.events.Actor;
import org.conflictmap.events.Correction;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventCorrection;
import org.conflictmap.events.EventCorrection.Field;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.EventSource;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.problem.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several articles reporting one event, corrections, deletions and re-ingests, in the store. */
class EventMergeTest {
  /** The store under test: embedded H2 here, PostGIS in {@code EventMergeTestOnPostgis}. */
  Database database() {
    return Database.embedded(dir);
  }

  private static final LocalDate MARCH_3 = LocalDate.of(2020, 3, 3);
  private static final LocalDate TODAY = LocalDate.of(2020, 6, 1);
  private static final String SHELLING = "Explosions/Remote violence";

  @TempDir Path dir;
  private Database db;
  private IngestStore store;
  private EventStore events;

  @BeforeEach
  void open() {
    db = database();
    store = new IngestStore(db);
    events = new EventStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A report of shelling at a point near Maarat al-Numan (35.64 N, 36.67 E). */
  private static NewEvent report(
      String type, LocalDate date, LocalDate end, double lat, double lon, Integer fatalities) {
    return new NewEvent(
        date,
        type,
        null,
        1,
        1,
        fatalities,
        "note",
        "170017",
        170017L,
        "Maarat al-Numan",
        "SY",
        "town",
        lat,
        lon,
        "Shelling hit Maarat al-Numan.",
        0,
        29,
        end,
        null,
        false,
        List.of(new Actor("regime forces", "SY")),
        0.8,
        null);
  }

  private static NewEvent withActors(NewEvent e, List<Actor> actors) {
    return new NewEvent(
        e.eventDate(),
        e.eventType(),
        e.subEventType(),
        e.geoPrecision(),
        e.timePrecision(),
        e.fatalities(),
        e.notes(),
        e.placeKey(),
        e.placeId(),
        e.placeName(),
        e.countryCode(),
        e.precision(),
        e.lat(),
        e.lon(),
        e.sentence(),
        e.sentenceStart(),
        e.sentenceEnd(),
        e.eventDateEnd(),
        e.injuries(),
        e.planned(),
        actors,
        e.typeConfidence(),
        null);
  }

  private static NewEvent report(Integer fatalities) {
    return report(SHELLING, MARCH_3, null, 35.64, 36.67, fatalities);
  }

  private static NewArticle article(String url, String body) {
    return new NewArticle("Shelling", body, url, MARCH_3.plusDays(1));
  }

  private IngestResult save(String url, NewEvent... reports) {
    return store.save(article(url, "text of " + url), "hash " + url, List.of(reports));
  }

  @Test
  void twoArticlesReportingOneEventMakeOneEventWithBothSources() {
    Event first = save("https://a.example/1", report(5)).events().get(0);
    // 3 km away, same type and day, a lower toll
    IngestResult second =
        save(
            "https://b.example/2",
            withActors(
                report(SHELLING, MARCH_3, null, 35.66, 36.69, 3),
                List.of(new Actor("Regime forces", null), new Actor("Turkey", "TR"))));

    assertThat(second.duplicate()).isFalse();
    assertThat(second.events()).hasSize(1);
    Event merged = second.events().get(0);
    assertThat(merged.id()).isEqualTo(first.id());
    assertThat(merged.corroboration()).isEqualTo(2);
    assertThat(merged.sources())
        .extracting(EventSource::sourceUrl)
        .containsExactly("https://a.example/1", "https://b.example/2");
    assertThat(merged.sources()).extracting(EventSource::fatalities).containsExactly(5, 3);
    assertThat(merged.fatalities()).as("ACLED keeps the lowest reported toll").isEqualTo(3);
    assertThat(merged.actors()).extracting(Actor::name).containsExactly("regime forces", "Turkey");
    // the first report stays the primary source
    assertThat(merged.articleId()).isEqualTo(first.articleId());
    assertThat(events.count(EventQuery.all())).isEqualTo(1);
    assertThat(events.get(first.id())).contains(merged);
  }

  @Test
  void aNewEventIsStoredAsARefreshOfItsOneReportWouldDeriveIt() {
    // ingest skips the refresh of an event a report has just made: the row must already be it
    Event made =
        save(
                "https://a.example/1",
                withActors(
                    report(4),
                    List.of(new Actor("regime forces", "SY"), new Actor("Turkey", null))))
            .events()
            .get(0);
    db.inTransaction(c -> EventSources.refresh(c, made.id()));
    assertThat(events.get(made.id())).contains(made);
    // two actors the same but for case: the refresh runs and keeps one, as for any event
    Event police =
        save(
                "https://b.example/2",
                withActors(
                    report(SHELLING, MARCH_3.plusDays(90), null, 35.64, 36.67, 1),
                    List.of(new Actor("police", null), new Actor("Police", "SY"))))
            .events()
            .get(0);
    assertThat(police.actors()).containsExactly(new Actor("Police", "SY"));
    // an article reporting one event twice: one event, both sentences its sources
    NewEvent again = report(SHELLING, MARCH_3.plusDays(200), null, 35.64, 36.67, 6);
    NewEvent later =
        new NewEvent(
            again.eventDate(),
            again.eventType(),
            null,
            1,
            1,
            2,
            "note",
            again.placeKey(),
            again.placeId(),
            again.placeName(),
            "SY",
            "town",
            again.lat(),
            again.lon(),
            "It was shelled again, killing 2.",
            40,
            72,
            null,
            null,
            false,
            List.of(),
            0.8,
            null);
    Event both = save("https://c.example/3", again, later).events().get(0);
    assertThat(both.corroboration()).isEqualTo(1);
    assertThat(both.sources()).hasSize(2);
    assertThat(both.fatalities()).isEqualTo(2);
  }

  @Test
  void aReportWithoutAFigureDoesNotMakeTheTollZero() {
    save("https://a.example/1", report(7));
    Event merged = save("https://b.example/2", report(null)).events().get(0);
    assertThat(merged.fatalities()).isEqualTo(7);
    assertThat(merged.corroboration()).isEqualTo(2);
    Event unknown =
        save("https://c.example/3", report(SHELLING, MARCH_3.plusDays(9), null, 35.64, 36.67, null))
            .events()
            .get(0);
    assertThat(unknown.fatalities()).isNull();
  }

  @Test
  void anotherTypeDayOrPlaceIsAnotherEvent() {
    save("https://a.example/1", report(1));
    save("https://b.example/2", report("Battles", MARCH_3, null, 35.64, 36.67, 1));
    save("https://c.example/3", report(SHELLING, MARCH_3.plusDays(1), null, 35.64, 36.67, 1));
    // Idlib city is 32 km north
    save("https://d.example/4", report(SHELLING, MARCH_3, null, 35.93, 36.63, 1));
    assertThat(events.count(EventQuery.all())).isEqualTo(4);
    assertThat(events.find(EventQuery.all()))
        .allSatisfy(e -> assertThat(e.corroboration()).isEqualTo(1));
  }

  @Test
  void overlappingDateRangesAreOneEvent() {
    save(
        "https://a.example/1",
        report(SHELLING, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 5), 35.64, 36.67, 4));
    Event merged = save("https://b.example/2", report(2)).events().get(0);
    assertThat(merged.corroboration()).isEqualTo(2);
    assertThat(merged.eventDateEnd()).isEqualTo(LocalDate.of(2020, 3, 5));
  }

  @Test
  void aReReportWithinTheDateWindowMergesAndOneBeyondItDoesNot() {
    int window = EventSources.MERGE_WINDOW_DAYS;
    // began a fortnight before the report and still going: within the window of days looked up
    Event ongoing =
        save(
                "https://a.example/1",
                report(SHELLING, MARCH_3.minusDays(14), MARCH_3.plusDays(2), 35.64, 36.67, 4))
            .events()
            .get(0);
    Event merged = save("https://b.example/2", report(2)).events().get(0);
    assertThat(merged.id()).isEqualTo(ongoing.id());
    assertThat(merged.corroboration()).isEqualTo(2);

    // began longer ago than the window: its dates overlap, but the lookup does not reach it
    LocalDate later = MARCH_3.plusDays(200);
    Event longRange =
        save(
                "https://c.example/3",
                report(SHELLING, later.minusDays(window + 5), later, 35.64, 36.67, 4))
            .events()
            .get(0);
    Event beyond =
        save("https://d.example/4", report(SHELLING, later, null, 35.64, 36.67, 1)).events().get(0);
    assertThat(beyond.id()).isNotEqualTo(longRange.id());
    assertThat(beyond.corroboration()).isEqualTo(1);

    // the window's own edge: an event that began exactly MERGE_WINDOW_DAYS before is found
    LocalDate edge = MARCH_3.plusDays(400);
    Event atEdge =
        save("https://e.example/5", report(SHELLING, edge.minusDays(window), edge, 35.64, 36.67, 4))
            .events()
            .get(0);
    assertThat(
            save("https://f.example/6", report(SHELLING, edge, null, 35.64, 36.67, 1))
                .events()
                .get(0)
                .id())
        .isEqualTo(atEdge.id());
  }

  @Test
  void concurrentIngestOfDistinctArticlesLosesNothingAndMergesEachPair() throws Exception {
    int places = 40;
    int articles = 2 * places;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<IngestResult>> futures = new ArrayList<>();
      for (int i = 0; i < articles; i++) {
        int n = i;
        // article n and n + places report the same event: the same day, within 2 km, at place
        // n % places; places are 0.5 degrees apart, so no two places' events merge
        int place = n % places;
        double lat = 30 + place * 0.5 + (n < places ? 0 : 0.01);
        double lon = 40 + (n < places ? 0 : 0.01);
        Callable<IngestResult> task =
            () ->
                store.save(
                    article("https://load.example/" + n, "body " + n),
                    "load-hash-" + n,
                    List.of(report(SHELLING, MARCH_3, null, lat, lon, n)));
        futures.add(pool.submit(task));
      }
      List<IngestResult> results = new ArrayList<>();
      for (Future<IngestResult> f : futures) {
        results.add(f.get());
      }
      assertThat(results).noneMatch(IngestResult::duplicate);
      assertThat(store.countArticles()).isEqualTo(articles);
      List<Event> all = events.find(EventQuery.all());
      assertThat(all).hasSize(places);
      assertThat(all).allSatisfy(e -> assertThat(e.corroboration()).isEqualTo(2));
      for (int place = 0; place < places; place++) {
        long first = results.get(place).events().get(0).id();
        long second = results.get(place + places).events().get(0).id();
        assertThat(second).as("both reports of place %d", place).isEqualTo(first);
        // ACLED's rule over both sources: the lower toll of the pair
        assertThat(events.get(first).orElseThrow().fatalities()).isEqualTo(place);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void regionLevelReportsMergeOnlyOnTheSameRegion() {
    NewEvent idlibRegion =
        new NewEvent(
            MARCH_3,
            SHELLING,
            null,
            3,
            1,
            null,
            null,
            "admin1:SY.09",
            null,
            "Idlib",
            "SY",
            "region",
            35.8,
            36.6,
            "s",
            0,
            1,
            null,
            null,
            false,
            List.of(),
            0.5,
            null);
    save("https://a.example/1", idlibRegion);
    assertThat(save("https://b.example/2", idlibRegion).events().get(0).corroboration())
        .isEqualTo(2);
    // a town report at the region's centroid is not the region-wide event
    save("https://c.example/3", report(SHELLING, MARCH_3, null, 35.8, 36.6, null));
    assertThat(events.count(EventQuery.all())).isEqualTo(2);
  }

  @Test
  void unclassifiedReportsAreNeverMerged() {
    save("https://a.example/1", report("Unclassified", MARCH_3, null, 35.64, 36.67, null));
    save("https://b.example/2", report("Unclassified", MARCH_3, null, 35.64, 36.67, null));
    assertThat(events.count(EventQuery.all())).isEqualTo(2);
  }

  @Test
  void aCorrectionSurvivesReIngestingTheArticle() {
    long id = save("https://a.example/1", report(5)).events().get(0).id();
    events.correct(id, "rana", correction(Map.of(Field.FATALITIES, 9, Field.LAT, 35.65)), TODAY);

    // the article is fixed upstream: new text, same report, and a second report
    IngestResult again =
        store.replace(
            article("https://a.example/1", "updated text"),
            "hash updated",
            List.of(report(6), report(SHELLING, MARCH_3, null, 36.2, 37.15, 2)));
    assertThat(again.replaced()).isTrue();
    assertThat(again.articleId()).isEqualTo(save("https://a.example/1").articleId());
    Event kept = events.get(id).orElseThrow();
    assertThat(kept.fatalities()).as("the editor's figure wins").isEqualTo(9);
    assertThat(kept.lat()).isEqualTo(35.65);
    assertThat(kept.corroboration()).isEqualTo(1);
    assertThat(kept.corrected()).containsExactlyInAnyOrder("fatalities", "lat");
    assertThat(events.count(EventQuery.all())).isEqualTo(2);
    assertThat(store.article(again.articleId()).orElseThrow().body()).isEqualTo("updated text");
  }

  @Test
  void aRetypedEventStillCollectsItsReports() {
    long id = save("https://a.example/1", report(5)).events().get(0).id();
    events.correct(id, "rana", correction(Map.of(Field.EVENT_TYPE, "Battles")), TODAY);
    Event merged = save("https://b.example/2", report(4)).events().get(0);
    assertThat(merged.id()).isEqualTo(id);
    assertThat(merged.eventType()).isEqualTo("Battles");
    assertThat(merged.corroboration()).isEqualTo(2);
  }

  @Test
  void aDeletedEventStaysDeleted() {
    long id = save("https://a.example/1", report(5)).events().get(0).id();
    assertThat(events.delete(id, "rana")).isTrue();
    assertThat(events.get(id)).isEmpty();
    assertThat(events.delete(id, "rana")).as("already deleted").isFalse();

    IngestResult again =
        store.replace(article("https://a.example/1", "v2"), "hash v2", List.of(report(5)));
    assertThat(again.events()).isEmpty();
    // another article reporting the same thing does not bring it back either
    assertThat(save("https://b.example/2", report(5)).events()).isEmpty();
    assertThat(events.count(EventQuery.all())).isZero();
    assertThat(events.history(id).orElseThrow())
        .extracting(Correction::field, Correction::editor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("deleted", "rana"));
  }

  @Test
  void reIngestDropsOnlyUneditedEventsTheTextNoLongerReports() {
    List<Event> stored =
        save("https://a.example/1", report(5), report(SHELLING, MARCH_3, null, 36.2, 37.15, 1))
            .events();
    long corrected = stored.get(1).id();
    events.correct(corrected, "rana", correction(Map.of(Field.INJURIES, 4)), TODAY);
    store.replace(article("https://a.example/1", "v2"), "hash v2", List.of());
    assertThat(events.get(stored.get(0).id())).isEmpty();
    assertThat(events.get(corrected)).get().extracting(Event::injuries).isEqualTo(4);
  }

  @Test
  void replacingWithTheSameTextOrWithoutAStoredUrlIsPlain() {
    IngestResult first = save("https://a.example/1", report(5));
    IngestResult same =
        store.replace(article("https://a.example/1", "x"), "hash https://a.example/1", List.of());
    assertThat(same.duplicate()).isTrue();
    IngestResult fresh =
        store.replace(article("https://new.example/1", "y"), "hash y", List.of(report(5)));
    assertThat(fresh.replaced()).isFalse();
    assertThat(fresh.events().get(0).id()).isEqualTo(first.events().get(0).id());
  }

  @Test
  void historyListsWhoChangedWhatAndWhen() {
    long id = save("https://a.example/1", report(5)).events().get(0).id();
    events.correct(
        id,
        "rana",
        correction(Map.of(Field.FATALITIES, 12, Field.SUB_EVENT_TYPE, "Air/drone strike")),
        TODAY);
    events.correct(id, "omar", correction(Map.of(Field.FATALITIES, 12)), TODAY); // no change
    events.correct(
        id, "omar", correction(Map.of(Field.EVENT_DATE_END, LocalDate.of(2020, 3, 4))), TODAY);
    List<Correction> h = events.history(id).orElseThrow();
    assertThat(h)
        .extracting(
            Correction::editor, Correction::field, Correction::oldValue, Correction::newValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("rana", "sub_event_type", null, "Air/drone strike"),
            org.assertj.core.groups.Tuple.tuple("rana", "fatalities", "5", "12"),
            org.assertj.core.groups.Tuple.tuple("omar", "event_date_end", null, "2020-03-04"));
    assertThat(h).allSatisfy(c -> assertThat(c.at()).isNotNull());
    assertThat(events.history(999)).isEmpty();
  }

  @Test
  void aCorrectionThatDoesNotFitChangesNothing() {
    long id = save("https://a.example/1", report(5)).events().get(0).id();
    Event before = events.get(id).orElseThrow();
    assertThatThrownBy(
            () ->
                events.correct(
                    id,
                    "rana",
                    correction(Map.of(Field.FATALITIES, 1, Field.SUB_EVENT_TYPE, "Armed clash")),
                    TODAY))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Battles");
    assertThatThrownBy(
            () ->
                events.correct(
                    id,
                    "rana",
                    correction(Map.of(Field.EVENT_DATE, LocalDate.of(2021, 1, 1))),
                    TODAY))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("after today");
    assertThat(events.get(id)).contains(before);
    assertThat(events.history(id).orElseThrow()).isEmpty();
  }

  @Test
  void concurrentArticlesReportingOneEventMakeOneEvent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<IngestResult>> jobs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String url = "https://race.example/" + i;
        jobs.add(() -> save(url, report(5)));
      }
      for (Future<IngestResult> f : pool.invokeAll(jobs)) {
        assertThat(f.get().duplicate()).isFalse();
      }
      List<Event> all = events.find(EventQuery.all());
      assertThat(all).hasSize(1);
      assertThat(all.get(0).corroboration()).isEqualTo(12);
    } finally {
      pool.shutdownNow();
    }
  }

  private static EventCorrection correction(Map<Field, Object> values) {
    return new EventCorrection(values);
  }
}
