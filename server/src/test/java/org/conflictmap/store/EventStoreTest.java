package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class EventStoreTest {
  /** The store under test: embedded H2 here, PostGIS in {@code EventStoreTestOnPostgis}. */
  Database database() {
    return Database.embedded(dir);
  }

  @TempDir Path dir;
  private Database db;
  private EventStore events;

  @BeforeEach
  void open() {
    db = database();
    events = new EventStore(db);
    IngestStore ingest = new IngestStore(db);
    // Idlib and Aleppo in Syria, Kyiv in Ukraine, on three dates
    ingest.save(
        Fixtures.article("https://example.org/syria"),
        "h1",
        List.of(
            Fixtures.event(LocalDate.of(2020, 3, 3), 35.93, 36.63),
            Fixtures.event(LocalDate.of(2020, 3, 5), 36.20, 37.15)));
    ingest.save(
        Fixtures.article("https://example.org/ukraine"),
        "h2",
        List.of(Fixtures.event(LocalDate.of(2022, 2, 24), 50.45, 30.52)));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static EventQuery query(Envelope bbox, LocalDate from, LocalDate to, int limit) {
    return new EventQuery(
        Optional.ofNullable(bbox), Optional.ofNullable(from), Optional.ofNullable(to), limit);
  }

  @Test
  void allEventsNewestFirst() {
    List<Event> all = events.find(EventQuery.all());
    assertThat(all)
        .extracting(Event::eventDate)
        .containsExactly(
            LocalDate.of(2022, 2, 24), LocalDate.of(2020, 3, 5), LocalDate.of(2020, 3, 3));
    assertThat(all.get(0).sourceUrl()).isEqualTo("https://example.org/ukraine");
    assertThat(events.count(EventQuery.all())).isEqualTo(3);
  }

  /** Keyset pages (exports) and offset pages (OGC items) give find's order, ties included. */
  @Test
  void pagesWalkEveryEventOnceInFindOrder() {
    new IngestStore(db)
        .save(
            Fixtures.article("https://example.org/ties"),
            "h3",
            List.of(
                Fixtures.event(LocalDate.of(2020, 3, 5), 35.2, 35.7),
                Fixtures.event(LocalDate.of(2020, 3, 5), 36.8, 37.9),
                Fixtures.event(LocalDate.of(2020, 3, 5), 35.3, 37.6)));
    List<Long> all = events.find(EventQuery.all()).stream().map(Event::id).toList();
    assertThat(all).hasSize(6).doesNotHaveDuplicates();
    for (int size = 1; size <= 7; size++) {
      List<Long> seen = new java.util.ArrayList<>();
      List<Integer> sizes = new java.util.ArrayList<>();
      long n =
          events.forEachPage(
              EventQuery.all(),
              size,
              page -> {
                sizes.add(page.size());
                page.forEach(e -> seen.add(e.id()));
              });
      assertThat(seen).as("page size " + size).containsExactlyElementsOf(all);
      assertThat(n).isEqualTo(6);
      int max = size;
      assertThat(sizes).allSatisfy(k -> assertThat(k).isBetween(1, max));
      List<Long> byOffset = new java.util.ArrayList<>();
      for (int offset = 0; offset < 6; offset += size) {
        events.findPage(query(null, null, null, size), offset).forEach(e -> byOffset.add(e.id()));
      }
      assertThat(byOffset).as("offset pages of " + size).containsExactlyElementsOf(all);
    }
    // a filter holds on every page: Syria only
    List<Long> syria = new java.util.ArrayList<>();
    events.forEachPage(
        query(new Envelope(35.5, 38.0, 35.0, 37.0), null, null, 1),
        1,
        page -> page.forEach(e -> syria.add(e.id())));
    assertThat(syria).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void bboxSelectsEventsInsideIt() {
    // envelope is (minLon, maxLon, minLat, maxLat): north-west Syria
    EventQuery syria = query(new Envelope(35.5, 38.0, 35.0, 37.0), null, null, 100);
    assertThat(events.find(syria)).extracting(Event::placeName).hasSize(2);
    assertThat(events.find(syria)).allSatisfy(e -> assertThat(e.countryCode()).isEqualTo("SY"));
    assertThat(events.count(syria)).isEqualTo(2);
    // only Idlib
    EventQuery idlib = query(new Envelope(36.0, 37.0, 35.5, 36.1), null, null, 100);
    assertThat(events.find(idlib)).extracting(Event::lat).containsExactly(35.93);
  }

  @Test
  void bboxEdgesAreInclusive() {
    assertThat(events.count(query(new Envelope(36.63, 40, 35.93, 40), null, null, 10)))
        .isEqualTo(2);
  }

  @Test
  void dateIntervalIsInclusiveAtBothEnds() {
    EventQuery march = query(null, LocalDate.of(2020, 3, 3), LocalDate.of(2020, 3, 5), 100);
    assertThat(events.find(march))
        .extracting(Event::eventDate)
        .containsExactly(LocalDate.of(2020, 3, 5), LocalDate.of(2020, 3, 3));
    assertThat(events.count(query(null, LocalDate.of(2021, 1, 1), null, 100))).isEqualTo(1);
    assertThat(events.count(query(null, null, LocalDate.of(2020, 3, 4), 100))).isEqualTo(1);
  }

  @Test
  void bboxAndDatesCombine() {
    EventQuery q = query(new Envelope(35.5, 38.0, 35.0, 37.0), LocalDate.of(2020, 3, 4), null, 100);
    assertThat(events.find(q))
        .extracting(Event::eventDate)
        .containsExactly(LocalDate.of(2020, 3, 5));
  }

  @Test
  void limitCapsTheListButNotTheCount() {
    EventQuery q = query(null, null, null, 2);
    assertThat(events.find(q)).hasSize(2);
    assertThat(events.count(q)).isEqualTo(3);
  }

  @Test
  void unknownEventIsEmpty() {
    assertThat(events.get(999)).isEmpty();
  }
}
