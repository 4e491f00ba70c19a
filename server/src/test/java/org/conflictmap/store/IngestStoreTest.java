package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.conflictmap.events.Article;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStoreTest {
  /** The store under test: embedded H2 here, PostGIS in {@code IngestStoreTestOnPostgis}. */
  Database database() {
    return Database.embedded(dir);
  }

  private static final LocalDate MARCH_3 = LocalDate.of(2020, 3, 3);

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

  @Test
  void storesArticleAndEventsAndReadsThemBack() {
    NewArticle a = Fixtures.article("https://example.org/1");
    NewEvent e = Fixtures.idlib(MARCH_3);
    IngestResult r = store.save(a, "hash-1", List.of(e, Fixtures.event(MARCH_3, 36.2, 37.15)));

    assertThat(r.duplicate()).isFalse();
    assertThat(r.events()).hasSize(2);
    Article stored = store.article(r.articleId()).orElseThrow();
    assertThat(stored.title()).isEqualTo(a.title());
    assertThat(stored.body()).isEqualTo(a.body());
    assertThat(stored.url()).isEqualTo(a.url());
    assertThat(stored.published()).isEqualTo(a.published());
    assertThat(stored.contentHash()).isEqualTo("hash-1");
    assertThat(stored.ingestedAt()).isNotNull();

    Event first = r.events().get(0);
    assertThat(events.get(first.id())).contains(first);
    assertThat(first.articleTitle()).isEqualTo(a.title());
    assertThat(first.sourceUrl()).isEqualTo(a.url());
    assertThat(first.lat()).isEqualTo(e.lat());
    assertThat(first.fatalities()).isEqualTo(3);
    assertThat(store.countArticles()).isEqualTo(1);
  }

  @Test
  void keepsNullsForOptionalFields() {
    NewArticle a = new NewArticle(null, "Body only.", null, null);
    NewEvent e =
        new NewEvent(
            MARCH_3,
            "Battles",
            null,
            3,
            2,
            null,
            null,
            "country:SY",
            null,
            "Syria",
            "SY",
            "country",
            35.0,
            38.0,
            null,
            0,
            0,
            null,
            null,
            false,
            List.of(),
            0,
            null);
    IngestResult r = store.save(a, "h", List.of(e));
    assertThat(events.get(r.events().get(0).id())).contains(r.events().get(0));
    Event read = events.get(r.events().get(0).id()).orElseThrow();
    assertThat(read.fatalities()).isNull();
    assertThat(read.placeId()).isNull();
    assertThat(read.sourceUrl()).isNull();
    assertThat(store.article(r.articleId()).orElseThrow().published()).isNull();
  }

  @Test
  void sameUrlIsADuplicateAndWritesNothing() {
    long id =
        store
            .save(Fixtures.article("https://example.org/1"), "h1", List.of(Fixtures.idlib(MARCH_3)))
            .articleId();
    IngestResult again =
        store.save(
            Fixtures.article("https://example.org/1"),
            "h2-edited",
            List.of(Fixtures.idlib(MARCH_3)));
    assertThat(again).isEqualTo(new IngestResult(id, true, List.of()));
    assertThat(store.countArticles()).isEqualTo(1);
    assertThat(events.count(EventQuery.all())).isEqualTo(1);
  }

  @Test
  void sameContentHashIsADuplicateEvenWithoutOrWithAnotherUrl() {
    long id = store.save(Fixtures.article(null), "h1", List.of()).articleId();
    assertThat(store.save(Fixtures.article(null), "h1", List.of()).duplicate()).isTrue();
    assertThat(store.save(Fixtures.article("https://mirror.example/1"), "h1", List.of()))
        .isEqualTo(new IngestResult(id, true, List.of()));
    assertThat(store.countArticles()).isEqualTo(1);
  }

  @Test
  void articlesWithoutUrlAreDistinctByHash() {
    store.save(Fixtures.article(null), "h1", List.of());
    assertThat(store.save(Fixtures.article(null), "h2", List.of()).duplicate()).isFalse();
    assertThat(store.countArticles()).isEqualTo(2);
  }

  @Test
  void aFailingEventLeavesNoArticleBehind() {
    NewEvent bad =
        Fixtures.event(MARCH_3, 95.0, 36.6); // latitude out of range: refused by a CHECK constraint
    assertThatThrownBy(
            () ->
                store.save(
                    Fixtures.article("https://example.org/1"),
                    "h1",
                    List.of(Fixtures.idlib(MARCH_3), bad)))
        .isInstanceOf(StoreException.class);
    assertThat(store.countArticles()).isZero();
    assertThat(events.count(EventQuery.all())).isZero();
    // and the same article can be stored once the events are fixed
    assertThat(
            store
                .save(
                    Fixtures.article("https://example.org/1"),
                    "h1",
                    List.of(Fixtures.idlib(MARCH_3)))
                .duplicate())
        .isFalse();
  }

  @Test
  void unknownArticleIsEmpty() {
    assertThat(store.article(42)).isEmpty();
  }

  @Test
  void concurrentSubmissionsOfOneArticleStoreItOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<IngestResult>> jobs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        jobs.add(
            () ->
                store.save(
                    Fixtures.article("https://example.org/race"),
                    "race",
                    List.of(Fixtures.idlib(MARCH_3))));
      }
      List<IngestResult> results = new ArrayList<>();
      for (Future<IngestResult> f : pool.invokeAll(jobs)) {
        results.add(f.get());
      }
      assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
      assertThat(results)
          .extracting(IngestResult::articleId)
          .containsOnly(results.get(0).articleId());
      assertThat(store.countArticles()).isEqualTo(1);
      assertThat(events.count(EventQuery.all())).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Sixteen different articles reporting one shelling, sent at once: one event with sixteen
   * sources, never two events that each decided the report was new. Whatever replaces the writers'
   * lock on the ingest path must keep this.
   */
  @Test
  void concurrentReportsOfOneEventFromDifferentArticlesMakeOneEvent() throws Exception {
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<IngestResult>> jobs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        // a few hundred metres apart, so each report matches the others (within 10 km)
        NewEvent report = Fixtures.event(MARCH_3, 35.93 + k * 0.001, 36.63 - k * 0.001);
        jobs.add(
            () ->
                store.save(
                    Fixtures.article("https://example.org/report/" + k),
                    "report-" + k,
                    List.of(report)));
      }
      List<IngestResult> results = new ArrayList<>();
      for (Future<IngestResult> f : pool.invokeAll(jobs)) {
        results.add(f.get());
      }
      assertThat(results).noneMatch(IngestResult::duplicate);
      assertThat(store.countArticles()).isEqualTo(n);
      assertThat(events.count(EventQuery.all())).isEqualTo(1);
      long id = results.get(0).events().get(0).id();
      assertThat(results).allMatch(r -> r.events().size() == 1 && r.events().get(0).id() == id);
      assertThat(events.get(id).orElseThrow().sources()).hasSize(n);
    } finally {
      pool.shutdownNow();
    }
  }
}
