package org.conflictmap.geoparse;

import java.util.List;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * What the spotter's filters ask about the places of a name, as bits: the same in every text, so
 * worked out once per name and kept with its places (see {@link Candidates#facts}).
 */
final class NameFacts {
  /**
   * Towns smaller than this do not "say" things in news; a name before "said" is then a person's.
   */
  private static final long SPEAKING_TOWN_POPULATION = 100_000;

  /** Towns named by a common word ("Hope") that are this big are read as towns without a cue. */
  private static final long COMMON_WORD_TOWN_POPULATION = 100_000;

  private NameFacts() {}

  /** A country or a first-level region bears the name. */
  static final int COUNTRY_OR_REGION = 1;

  /** A country, a first-level region, or a well-known area ({@link Place#wellKnownFeature}). */
  static final int STRONG = 1 << 1;

  /** Only towns below {@link #COMMON_WORD_TOWN_POPULATION}, or counties, bear the name. */
  static final int ONLY_SMALL_TOWNS = 1 << 2;

  /** A place that speaks in the news bears the name: see {@code Spotter#speakingPlace}. */
  static final int SPEAKING = 1 << 3;

  /**
   * Only counties bear the name, each by its short form ("Jones" for Jones County): not by its very
   * name, nor by another name altogether ("Powys" for GeoNames' "Sir Powys").
   */
  static final int COUNTY_SHORT_FORM_ONLY = 1 << 4;

  /** Only GeoNames features that are no town, no area and not well known bear the name. */
  static final int ONLY_MINOR_FEATURES = 1 << 5;

  /** The facts of a name's places, for {@link Candidates#facts}. */
  static int of(List<Place> places, String folded) {
    int f = ONLY_SMALL_TOWNS | COUNTY_SHORT_FORM_ONLY | ONLY_MINOR_FEATURES;
    String shortForm = folded + " ";
    for (Place p : places) {
      boolean country = p.precision() == Precision.COUNTRY;
      boolean adm1 = "ADM1".equals(p.featureCode());
      boolean adm2 = "ADM2".equals(p.featureCode());
      boolean town = "P".equals(p.featureClass());
      if (country || adm1) {
        f |= COUNTRY_OR_REGION;
      }
      // counties do not count: most are named after people ("Jones", "Carter")
      if (country || adm1 || p.wellKnownFeature()) {
        f |= STRONG;
      }
      if (town || "A".equals(p.featureClass()) || p.wellKnownFeature()) {
        f &= ~ONLY_MINOR_FEATURES;
      }
      if (!(adm2 || town && p.population() < COMMON_WORD_TOWN_POPULATION)) {
        f &= ~ONLY_SMALL_TOWNS;
      }
      if (country
          || adm1
          || "PPLC".equals(p.featureCode())
          || p.precision() == Precision.TOWN && p.population() >= SPEAKING_TOWN_POPULATION * 5) {
        f |= SPEAKING;
      }
      if (!adm2 || !Names.normalize(p.name()).startsWith(shortForm)) {
        f &= ~COUNTY_SHORT_FORM_ONLY;
      }
    }
    return f;
  }
}
