package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A town abroad that nothing else in the article goes abroad with is read at home. */
class CountryContextTest {
  private final Geoparser parser = new Geoparser(TestGazetteer.get());

  private List<String> countriesOf(String text, String name) {
    return parser.parseInCountryContext(text).stream()
        .filter(m -> m.text().equals(name))
        .map(m -> m.place().countryCode())
        .toList();
  }

  @Test
  void aNamesakeInTheCountryTheArticleIsAboutWins() {
    // alone, the capital abroad would win on size
    assertThat(countriesOf("Fighters seized Tripoli overnight.", "Tripoli")).containsExactly("LY");
    String lebanon = "Fighters seized Tripoli overnight. The Lebanese government condemned it.";
    // the plain parse (what the geoparsing corpora score) keeps the prior's choice
    assertThat(parser.parse(lebanon))
        .filteredOn(m -> m.text().equals("Tripoli"))
        .extracting(m -> m.place().countryCode())
        .containsExactly("LY");
    assertThat(
            countriesOf(
                "Fighters seized Tripoli overnight. The Lebanese government condemned it.",
                "Tripoli"))
        .containsExactly("LB");
  }

  @Test
  void everyOccurrenceOfTheNameMovesTogetherAndNoneSupportsItself() {
    assertThat(
            countriesOf(
                "Fighters seized Tripoli overnight. Tripoli was quiet by noon, and Tripoli's port"
                    + " reopened. The Lebanese army said so.",
                "Tripoli"))
        .isNotEmpty()
        .containsOnly("LB");
  }

  @Test
  void aReadingAbroadStaysWhenTheArticleGoesThereToo() {
    assertThat(
            countriesOf(
                "Fighters seized Tripoli overnight. Libyan and Lebanese officials met later.",
                "Tripoli"))
        .containsExactly("LY");
  }

  @Test
  void aWrittenContainerIsSupportEnough() {
    assertThat(
            countriesOf(
                "Talks opened in Tripoli, Libya on Monday. Lebanese and Lebanon's envoys came.",
                "Tripoli"))
        .containsExactly("LY");
  }

  @Test
  void weakSupportMovesNothing() {
    CountryContext context =
        CountryContext.of(parser.parse("Fighters seized Tripoli overnight near Sidon."));
    // one town abroad is not yet the article's country
    assertThat(context.support("LB", "tripoli")).isLessThan(CountryContext.FIRM);
  }
}
