package org.conflictmap.eval;

/**
 * One hand-annotated toponym of a corpus.
 *
 * @param start character offset in the article text, 0-based, inclusive
 * @param end character offset after the name, exclusive
 * @param name the annotated surface form
 * @param lat gold latitude, or NaN when the annotation has no coordinates (recognition only)
 * @param lon gold longitude, or NaN
 * @param geonameId the gold GeoNames id, or null
 */
public record GoldToponym(int start, int end, String name, double lat, double lon, Long geonameId) {

  /** Whether the toponym has coordinates and so counts for resolution. */
  public boolean located() {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }
}
