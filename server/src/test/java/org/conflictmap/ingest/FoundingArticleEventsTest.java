package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The founding article of 27 August 2019 (retold in our own words in src/test/resources/founding/;
 * the original report is not ours to redistribute) and the bundled sample must each come out as
 * exactly four events: talks near Moscow, the offensive on Idlib, the civilians killed and injured
 * in Idlib since May, and the summit planned in Ankara.
 */
class FoundingArticleEventsTest {
  static final Path FOUNDING =
      Path.of("src", "test", "resources", "founding", "idlib-2019-08-27.txt");
  static final Path SAMPLE = Path.of("..", "geodata", "sample", "article.txt");

  /** The original report, beside a checkout that has ../shared; tested only when present. */
  static final Path ORIGINAL = Path.of("..", "..", "shared", "samples", "idlib-2019-08-27.txt");

  static final LocalDate AUG_27 = LocalDate.of(2019, 8, 27);

  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new EventExtractor(new Geoparser(TestGazetteer.get()));
  }

  static List<NewEvent> events(Path file) throws IOException {
    NewArticle a = ArticleText.parse(Files.readString(file), null);
    assertThat(a.published()).isEqualTo(AUG_27);
    return extractor.extract(a.body(), a.published(), 1);
  }

  @Test
  void theFoundingArticleIsFourEvents() throws IOException {
    List<NewEvent> events = events(FOUNDING);
    assertThat(events).as(describe(events)).hasSize(4);

    NewEvent talks = events.get(0);
    assertThat(talks.placeName()).isEqualTo("Moscow");
    assertThat(talks.eventDate()).isEqualTo(AUG_27);
    assertThat(talks.eventDateEnd()).isNull();
    assertThat(talks.timePrecision()).isEqualTo(1);
    assertThat(talks.geoPrecision()).isEqualTo(2);
    assertThat(talks.eventType()).isEqualTo("Strategic developments");
    assertThat(talks.planned()).isFalse();
    assertThat(talks.fatalities()).isNull();
    assertThat(talks.actors())
        .contains(
            new Actor("Russian President Vladimir Putin", "RU"),
            new Actor("Turkey’s Recep Tayyip Erdogan", "TR"));

    NewEvent offensive = events.get(1);
    assertThat(offensive.placeName()).isEqualTo("Idlib");
    assertThat(offensive.eventType()).isEqualTo("Battles");
    assertThat(offensive.subEventType()).isEqualTo("Armed clash");
    // "Earlier this month": 1 to 27 August, known to the month
    assertThat(offensive.eventDate()).isEqualTo(LocalDate.of(2019, 8, 1));
    assertThat(offensive.eventDateEnd()).isEqualTo(AUG_27);
    assertThat(offensive.timePrecision()).isEqualTo(3);
    assertThat(offensive.actors()).contains(new Actor("Russian-backed regime forces", null));
    assertThat(offensive.sentence()).contains("intensified their offensive against Idlib");

    NewEvent civilians = events.get(2);
    assertThat(civilians.placeName()).isEqualTo("Idlib");
    assertThat(civilians.placeKey()).isEqualTo("admin1:SY.12");
    assertThat(civilians.geoPrecision()).isEqualTo(3);
    assertThat(civilians.eventType()).isEqualTo("Violence against civilians");
    assertThat(civilians.subEventType()).isEqualTo("Attack");
    assertThat(civilians.fatalities()).isEqualTo(500);
    assertThat(civilians.injuries()).isEqualTo(1200);
    assertThat(civilians.eventDate()).isEqualTo(LocalDate.of(2019, 5, 1));
    assertThat(civilians.eventDateEnd()).isEqualTo(AUG_27);
    assertThat(civilians.timePrecision()).isEqualTo(3);
    assertThat(civilians.planned()).isFalse();

    NewEvent summit = events.get(3);
    assertThat(summit.placeName()).isEqualTo("Ankara");
    assertThat(summit.eventDate()).isEqualTo(LocalDate.of(2019, 9, 16));
    assertThat(summit.timePrecision()).isEqualTo(1);
    assertThat(summit.geoPrecision()).isEqualTo(1);
    assertThat(summit.planned()).isTrue();
    assertThat(summit.eventType()).isEqualTo("Strategic developments");
    assertThat(summit.fatalities()).isNull();
    assertThat(summit.actors()).contains(new Actor("Iran's President Hassan Rouhani", "IR"));
  }

  @Test
  void everyEventKeepsItsSentenceAndSpanAsEvidence() throws IOException {
    String body = ArticleText.parse(Files.readString(FOUNDING), null).body();
    for (NewEvent e : events(FOUNDING)) {
      assertThat(body.substring(e.sentenceStart(), e.sentenceEnd())).isEqualTo(e.sentence());
      assertThat(e.sentence()).contains(e.placeName());
      assertThat(e.typeConfidence()).isBetween(0.3, 1.0);
    }
  }

  @Test
  void theOriginalReportIsTheSameFourEventsWhenPresent() throws IOException {
    assumeTrue(Files.isRegularFile(ORIGINAL), "no ../shared beside this checkout");
    sameFourEvents(events(ORIGINAL));
  }

  @Test
  void theBundledSampleIsTheSameFourEvents() throws IOException {
    List<NewEvent> events = events(SAMPLE);
    sameFourEvents(events);
    assertThat(events.get(1).actors()).contains(new Actor("Syrian government forces", "SY"));
  }

  static void sameFourEvents(List<NewEvent> events) {
    assertThat(events).as(describe(events)).hasSize(4);
    assertThat(events)
        .extracting(NewEvent::placeName, NewEvent::eventType, NewEvent::planned)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Moscow", "Strategic developments", false),
            org.assertj.core.groups.Tuple.tuple("Idlib", "Battles", false),
            org.assertj.core.groups.Tuple.tuple("Idlib", "Violence against civilians", false),
            org.assertj.core.groups.Tuple.tuple("Ankara", "Strategic developments", true));
    assertThat(events.get(0).geoPrecision()).isEqualTo(2);
    assertThat(events.get(0).eventDate()).isEqualTo(AUG_27);
    assertThat(events.get(2).fatalities()).isEqualTo(500);
    assertThat(events.get(2).injuries()).isEqualTo(1200);
    assertThat(events.get(2).eventDate()).isEqualTo(LocalDate.of(2019, 5, 1));
    assertThat(events.get(3).eventDate()).isEqualTo(LocalDate.of(2019, 9, 16));
  }

  static String describe(List<NewEvent> events) {
    StringBuilder b = new StringBuilder();
    for (NewEvent e : events) {
      b.append(
          String.format(
              "%n%s %s..%s tp%d gp%d %s/%s f=%s i=%s planned=%s actors=%s :: %s",
              e.placeName(),
              e.eventDate(),
              e.eventDateEnd(),
              e.timePrecision(),
              e.geoPrecision(),
              e.eventType(),
              e.subEventType(),
              e.fatalities(),
              e.injuries(),
              e.planned(),
              e.actors(),
              e.sentence()));
    }
    return b.toString();
  }
}
