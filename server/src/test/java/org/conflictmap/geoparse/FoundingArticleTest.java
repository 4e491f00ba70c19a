package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.conflictmap.gazetteer.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The geoparser on the founding article of 27 August 2019, as retold in our own words in
 * src/test/resources/founding/ (the same places, people and dates as the original report).
 */
class FoundingArticleTest {
  static final Path ARTICLE =
      Path.of("src", "test", "resources", "founding", "idlib-2019-08-27.txt");

  static Geoparser parser;
  static String text;
  static List<Mention> mentions;

  @BeforeAll
  static void parse() throws IOException {
    parser = new Geoparser(TestGazetteer.get());
    text = Files.readString(ARTICLE);
    mentions = parser.parse(text);
  }

  @Test
  void findsAndResolvesEveryPlaceTheArticleNames() {
    Set<String> keys =
        mentions.stream()
            .filter(m -> m.kind() == Mention.Kind.TOPONYM)
            .map(m -> m.place().name() + "/" + m.place().countryCode())
            .collect(Collectors.toSet());
    assertThat(keys)
        .contains(
            "Idlib/SY",
            "Ankara/TR",
            "Moscow/RU",
            "Syria/SY",
            "Turkey/TR",
            "Russia/RU",
            "Iran/IR",
            "Sochi/RU",
            "Astana/KZ");
  }

  @Test
  void spansPointAtTheNameInTheText() {
    for (Mention m : mentions) {
      assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
    }
  }

  @Test
  void megabytesOfTextAndStrayBinaryAreParsedWithoutHarm() {
    // two megabytes of news with control characters, lone surrogates and other scripts mixed in
    String noise = "\u0000\uD800 \uDFFF\u200F\u0301 \u0007 إدلب 東京 Москва \uFFFD ";
    StringBuilder big = new StringBuilder();
    while (big.length() < 2_000_000) {
      big.append(text).append(noise);
    }
    String huge = big.toString();

    List<Mention> found = parser.parse(huge);

    int copies =
        (huge.length() + text.length() + noise.length() - 1) / (text.length() + noise.length());
    assertThat(found.stream().filter(m -> m.text().equals("Ankara")).count())
        .as("the article's places in every copy")
        .isGreaterThanOrEqualTo(copies - 1);
    for (Mention m : found) {
      assertThat(huge.substring(m.start(), m.end())).isEqualTo(m.text());
    }
  }

  @Test
  void idlibProvinceIsTheRegionNotTheCity() {
    int at = text.indexOf("Syria's Idlib province") + "Syria's ".length();
    Mention idlib = mentionAt(at);
    assertThat(idlib.place().key()).isEqualTo("admin1:SY.12");
    assertThat(idlib.precision()).isEqualTo(Precision.REGION);
    Mention bare =
        mentionAt(text.indexOf("offensive against Idlib") + "offensive against ".length());
    assertThat(bare.place().geonameId()).isEqualTo(169389L);
    assertThat(bare.precision()).isEqualTo(Precision.TOWN);
  }

  @Test
  void iranInAPossessiveIsIran() {
    Mention iran = mentionAt(text.indexOf("Iran's President"));
    assertThat(iran.place().key()).isEqualTo("country:IR");
    assertThat(iran.text()).isEqualTo("Iran");
  }

  @Test
  void demonymsPointToTheirCountry() {
    Mention backed = mentionAt(text.indexOf("Russian-backed"));
    assertThat(backed.kind()).isEqualTo(Mention.Kind.DEMONYM);
    assertThat(backed.place().key()).isEqualTo("country:RU");
    assertThat(backed.text()).isEqualTo("Russian");
    Mention turkish = mentionAt(text.indexOf("Turkish president"));
    assertThat(turkish.place().key()).isEqualTo("country:TR");
  }

  @Test
  void talksNearMoscowAreNearNotIn() {
    Mention moscow = mentionAt(text.indexOf("Moscow"));
    assertThat(moscow.near()).isTrue();
    assertThat(moscow.geoPrecision()).isEqualTo(2);
  }

  @Test
  void peopleDaysAndMonthsAreNotPlaces() {
    Set<String> surfaces = mentions.stream().map(Mention::text).collect(Collectors.toSet());
    assertThat(surfaces)
        .doesNotContain(
            "Putin",
            "Vladimir",
            "Vladimir Putin",
            "Erdogan",
            "Recep",
            "Tayyip",
            "Rouhani",
            "Hassan",
            "Tuesday",
            "May",
            "September",
            "Earlier",
            "President",
            "UN");
  }

  @Test
  void eachMentionCarriesItsEvidence() {
    Mention idlib =
        mentionAt(text.indexOf("offensive against Idlib") + "offensive against ".length());
    assertThat(idlib.confidence()).isBetween(0.5, 1.0);
    assertThat(idlib.alternatives()).isNotEmpty();
    assertThat(idlib.alternatives())
        .allSatisfy(c -> assertThat(c.score()).isLessThanOrEqualTo(idlib.score()));
  }

  private static Mention mentionAt(int start) {
    assertThat(start).isGreaterThanOrEqualTo(0);
    return mentions.stream()
        .filter(m -> m.start() == start)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mention at " + start + ": " + mentions));
  }
}
