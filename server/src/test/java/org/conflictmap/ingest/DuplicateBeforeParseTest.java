package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.events.NewArticle;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.conflictmap.store.Database;
import org.conflictmap.store.IngestResult;
import org.conflictmap.store.IngestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-posted article is recognised by its text or url before it is geoparsed (issue 12 part 5):
 * the answer is the same duplicate answer as before, and the parser never runs for it.
 */
class DuplicateBeforeParseTest {
  private static final String BODY =
      "Shelling hit Maarat al-Numan in Idlib province on Tuesday, killing three civilians.";
  private static final LocalDate MARCH_4 = LocalDate.of(2020, 3, 4);

  @TempDir Path dir;
  private Database db;
  private Ingester ingester;
  private final AtomicInteger parses = new AtomicInteger();

  @BeforeEach
  void open() {
    db = Database.embedded(dir);
    EventExtractor real = new EventExtractor(new Geoparser(TestGazetteer.get()));
    ingester =
        new Ingester(
            (body, date, precision) -> {
              parses.incrementAndGet();
              return real.extract(body, date, precision);
            },
            new IngestStore(db),
            Clock.fixed(MARCH_4.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static NewArticle article(String body, String url) {
    return new NewArticle("Shelling", body, url, MARCH_4);
  }

  @Test
  void theSameTextIsADuplicateAndIsNotParsedAgain() {
    IngestResult first = ingester.ingest(article(BODY, "https://a.example/1"));
    assertThat(first.duplicate()).isFalse();
    assertThat(first.events()).isNotEmpty();
    assertThat(parses).hasValue(1);

    // the same words, re-spaced and re-cased, under another url and without one
    String repasted = "  " + BODY.toUpperCase(java.util.Locale.ROOT).replace(" ", " \n ") + "\n";
    IngestResult again = ingester.ingest(article(repasted, "https://b.example/2"));
    IngestResult noUrl = ingester.ingest(article(BODY, null));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.articleId()).isEqualTo(first.articleId());
    assertThat(again.events()).isEmpty();
    assertThat(noUrl.duplicate()).isTrue();
    assertThat(noUrl.articleId()).isEqualTo(first.articleId());
    assertThat(parses).as("the parser ran for the first post only").hasValue(1);
  }

  @Test
  void aKnownUrlIsADuplicateAndIsNotParsed() {
    IngestResult first = ingester.ingest(article(BODY, "https://a.example/1"));
    IngestResult other =
        ingester.ingest(
            article("Clashes were reported in Aleppo on Monday.", "https://a.example/1"));

    assertThat(other.duplicate()).isTrue();
    assertThat(other.articleId()).isEqualTo(first.articleId());
    assertThat(parses).hasValue(1);
  }

  @Test
  void replacingParsesANewTextButNotAnUnchangedOne() {
    IngestResult first = ingester.ingest(article(BODY, "https://a.example/1"));
    IngestResult same = ingester.ingest(article(BODY, "https://a.example/1"), true);
    assertThat(same.duplicate()).isTrue();
    assertThat(parses).hasValue(1);

    IngestResult replaced =
        ingester.ingest(
            article("Clashes were reported in Aleppo on Monday.", "https://a.example/1"), true);
    assertThat(replaced.replaced()).isTrue();
    assertThat(replaced.articleId()).isEqualTo(first.articleId());
    assertThat(parses).as("a new text under a known url is parsed to replace it").hasValue(2);
  }

  @Test
  void aLargeRepostIsFoundWithoutParsingIt() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() < Ingester.MAX_BODY_CHARS - 200; i++) {
      big.append("Report ").append(i).append(": shelling hit Maarat al-Numan in Idlib. ");
    }
    String body = big.toString();
    NewArticle a = article(body, null);
    ingester.ingest(a);
    assertThat(parses).hasValue(1);

    IngestResult again = ingester.ingest(a);
    assertThat(again.duplicate()).isTrue();
    assertThat(parses).hasValue(1);
  }
}
