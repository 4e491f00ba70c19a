package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The geoparser on short news sentences of our own. */
class GeoparserTest {
  private final Geoparser parser = new Geoparser(TestGazetteer.get());

  private List<String> resolved(String text) {
    return parser.parse(text).stream().map(m -> m.text() + "=" + m.place().key()).toList();
  }

  @Test
  void emptyTextHasNoPlaces() {
    assertThat(parser.parse("")).isEmpty();
    assertThat(parser.parse("   \n ")).isEmpty();
    assertThat(parser.parse(null)).isEmpty();
  }

  @Test
  void commaCountryPicksTheNamesakeInThatCountry() {
    assertThat(resolved("Storms hit Moscow, Idaho on Monday.")).contains("Moscow=5601538");
    assertThat(resolved("Shelling was reported in Aleppo, Syria.")).contains("Aleppo=170063");
  }

  @Test
  void countryContextPullsAmbiguousNamesIntoIt() {
    String text = "Troops moved through Tripoli. Libya's government said the city was calm.";
    assertThat(parser.parse(text))
        .filteredOn(m -> m.text().equals("Tripoli"))
        .allSatisfy(m -> assertThat(m.place().countryCode()).isEqualTo("LY"));
  }

  @Test
  void multiWordNamesAreMatchedWhole() {
    assertThat(resolved("Clashes broke out in Jisr ash-Shughur overnight."))
        .anySatisfy(s -> assertThat(s).isEqualTo("Jisr ash-Shughur=169023"));
  }

  @Test
  void sentenceOpenersAndTitlesAreNotPlaces() {
    List<Mention> ms = parser.parse("Police said Mayor Hassan spoke in Homs. Police later left.");
    assertThat(ms).extracting(Mention::text).containsExactly("Homs");
  }

  @Test
  void acronymsAreNotPlaces() {
    assertThat(parser.parse("The UN and NATO met.")).isEmpty();
  }

  @Test
  void arabicScriptNamesResolve() {
    assertThat(resolved("قصف في إدلب")).contains("إدلب=169389");
  }

  @Test
  void sentencesSplitOnPunctuationButNotAbbreviations() {
    List<Sentence> s =
        Sentences.split("Gen. Ali arrived in Homs. Fighting resumed! Was it over? \"No.\" Done");
    assertThat(s)
        .extracting(Sentence::text)
        .containsExactly(
            "Gen. Ali arrived in Homs.", "Fighting resumed!", "Was it over?", "\"No.\"", "Done");
  }

  @Test
  void speakersAreNotSmallTownsButCapitalsMaySpeak() {
    assertThat(resolved("Smith told reporters the road was closed.")).isEmpty();
    assertThat(resolved("Moscow said the talks would go on.")).containsExactly("Moscow=524901");
  }
}
