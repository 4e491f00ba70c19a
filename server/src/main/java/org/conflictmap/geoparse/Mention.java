package org.conflictmap.geoparse;

import java.util.List;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * A place named in a text, resolved.
 *
 * @param start character offset of the name (inclusive)
 * @param end character offset after the name (exclusive)
 * @param kind a toponym ("Idlib") or a demonym ("Syrian", "Russian-backed") standing for its
 *     country
 * @param precision town, region or country, as resolved in context ("Idlib province" is a region)
 * @param near the text places something near the place rather than at it ("talks near Moscow")
 * @param confidence share of the evidence for the chosen place among all candidates, 0–1
 * @param alternatives the runner-up candidates, best first, with their scores
 */
public record Mention(
    int start,
    int end,
    String text,
    Kind kind,
    Place place,
    Precision precision,
    boolean near,
    double confidence,
    double score,
    List<Candidate> alternatives) {

  /** Whether a mention names a place or a people. */
  public enum Kind {
    TOPONYM,
    DEMONYM
  }

  /** ACLED geo-precision: 1 a town, 2 near a town, 3 a region or a country. */
  public int geoPrecision() {
    if (precision == Precision.TOWN) {
      return near ? 2 : 1;
    }
    return 3;
  }
}
