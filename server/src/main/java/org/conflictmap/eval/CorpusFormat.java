package org.conflictmap.eval;

import java.util.Locale;
import java.util.Set;

/** The annotated corpus formats the evaluation reads (see ../shared/eval/README.md). */
public enum CorpusFormat {
  /** Local-Global Lexicon: {@code <toponym><start/><end/><phrase/><gaztag geonameid>…}. */
  LGL,
  /** GeoWebNews: {@code <toponym><extractedName/><type/><start/><end/><geonamesID/>…}. */
  GWN,
  /** WikToR-style news: {@code <locations><location><name/><start/><end/><lat/><lon/>…}. */
  WIKINEWS;

  /**
   * GeoWebNews annotates these too, but they are not toponyms ("citizens", "the city", "Apple's
   * Cupertino campus" as an organisation).
   */
  static final Set<String> GWN_NOT_TOPONYMS =
      Set.of("Literal_Expression", "Non_Lit_Expression", "Non_Toponym");

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
