package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-events}: scores printed as text and JSON, bad sets refused clearly. */
class EventEvalCommandTest {
  static final String HEADER =
      "# place, country | date | time_precision | event_type | sub_event_type | fatalities | injuries"
          + " | geo_precision | planned\n";

  /** One article, two expected events: one the extractor finds right, one it cannot find. */
  static Path tinySet(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("a.txt"),
        "date 2019-08-27\nShelling hit Homs on Monday, killing three people.\n");
    Files.writeString(
        dir.resolve("a.events"),
        HEADER
            + "Homs, SY | 2019-08-26 | 1 | Explosions/Remote violence | Shelling/artillery/missile"
            + " attack | 2 | - | 1 | no\n"
            + "Palmyra | 2019-08-26 | 1 | Battles | Armed clash | - | - | 1 | no\n");
    return dir;
  }

  @Test
  void printsPrecisionRecallAndFieldAccuracy(@TempDir Path dir) throws Exception {
    CliTest.Run r = CliTest.run("eval-events", tinySet(dir).toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("1 articles, 2 expected events, 1 extracted, 1 matched")
        .containsPattern("precision\\s+1\\.000")
        .containsPattern("recall\\s+0\\.500")
        .containsPattern("event_type\\s+1\\.000")
        // three killed, but the annotation says two: the difference is shown, not hidden
        .containsPattern("fatalities\\s+0\\.000")
        .contains("a: Homs fatalities expected 2, got 3")
        .contains("a: missed Palmyra");
  }

  @Test
  void detailsGiveEachMissSpuriousAndMismatchWithItsReason(@TempDir Path dir) throws Exception {
    tinySet(dir);
    // a second article: the report says Aleppo, the coder put the event in Idlib, and a place
    // the text never names as such was expected
    Files.writeString(
        dir.resolve("b.txt"),
        "date 2019-08-27\nAir strikes hit Aleppo on Monday, killing four people.\n");
    Files.writeString(
        dir.resolve("b.events"),
        HEADER
            + "Idlib, SY | 2019-08-26 | 1 | Explosions/Remote violence | Air/drone strike | 4 | - |"
            + " 1 | no\n");
    CliTest.Run r = CliTest.run("eval-events", dir.toString(), "--details");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("missed (2):", "spurious (1):", "mismatched (1):")
        .contains(
            "a: mismatched Homs 2019-08-26 Explosions/Remote violence / Shelling/artillery/missile"
                + " attack — fatalities expected 2, got 3 — \"Shelling hit Homs")
        .contains("a: missed Palmyra 2019-08-26 Battles / Armed clash — the text does not name")
        .contains(
            "b: missed Idlib 2019-08-26 Explosions/Remote violence / Air/drone strike — same type"
                + " and date extracted at another place, Aleppo")
        .contains("b: spurious Aleppo, SY 2019-08-26 Explosions/Remote violence / Air/drone strike")
        .contains("likely the missed Idlib")
        .doesNotContain("differences:");

    JsonNode j =
        new ObjectMapper()
            .readTree(CliTest.run("eval-events", dir.toString(), "--details", "--json").out());
    JsonNode ds = j.path("extractor").path("details");
    assertThat(ds.size()).isEqualTo(4);
    assertThat(ds.findValuesAsText("kind")).contains("missed", "spurious", "mismatched");
    assertThat(ds.findValuesAsText("reason")).allMatch(s -> !s.isBlank());
  }

  @Test
  void hasHelp() throws Exception {
    CliTest.Run r = CliTest.run("eval-events", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: conflictmap eval-events", "--json", "--details");
    assertThat(CliTest.run("--help").out()).contains("eval-events");
  }

  @Test
  void printsJson(@TempDir Path dir) throws Exception {
    CliTest.Run r = CliTest.run("eval-events", tinySet(dir).toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("articles").asInt()).isEqualTo(1);
    JsonNode x = j.path("extractor");
    assertThat(x.path("expected").asInt()).isEqualTo(2);
    assertThat(x.path("matched").asInt()).isEqualTo(1);
    assertThat(x.path("recall").asDouble()).isEqualTo(0.5);
    assertThat(x.path("accuracy").path("sub_event_type").asDouble()).isEqualTo(1.0);
    assertThat(x.path("accuracy").path("event_date").asDouble()).isEqualTo(1.0);
    assertThat(j.path("baseline").path("expected").asInt()).isEqualTo(2);
  }

  @Test
  void scoresTheBundledSetAboveTheBaseline() throws Exception {
    CliTest.Run r = CliTest.run("eval-events", "../geodata/events-eval", "--json", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("articles").asInt()).isGreaterThanOrEqualTo(20);
    JsonNode mine = j.path("extractor");
    JsonNode base = j.path("baseline");
    assertThat(mine.path("f1").asDouble()).isGreaterThan(base.path("f1").asDouble());
    assertThat(mine.path("accuracy").path("event_date").asDouble())
        .isGreaterThan(base.path("accuracy").path("event_date").asDouble());
    assertThat(mine.path("accuracy").path("fatalities").asDouble())
        .isGreaterThan(base.path("accuracy").path("fatalities").asDouble());
  }

  @Test
  void badSetsAreClearErrors(@TempDir Path dir) throws Exception {
    CliTest.Run missing = CliTest.run("eval-events", dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");

    CliTest.Run empty = CliTest.run("eval-events", dir.toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("no annotated articles");

    Files.writeString(dir.resolve("b.txt"), "date 2019-08-27\nShelling hit Homs.\n");
    Files.writeString(dir.resolve("b.events"), HEADER + "Homs | 2019-02-30 | 1 | Battles\n");
    CliTest.Run bad = CliTest.run("eval-events", dir.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("b.events:2").doesNotContain("\tat org.");

    Files.writeString(
        dir.resolve("b.events"),
        HEADER + "Homs | 2019-02-30 | 1 | Battles | Armed clash | - | - | 1 | no\n");
    CliTest.Run impossible = CliTest.run("eval-events", dir.toString());
    assertThat(impossible.exit()).isEqualTo(2);
    assertThat(impossible.err()).contains("not a calendar date");
  }
}
