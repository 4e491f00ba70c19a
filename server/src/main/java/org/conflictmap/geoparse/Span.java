package org.conflictmap.geoparse;

import org.conflictmap.gazetteer.Place;

/**
 * A stretch of text the spotter takes for a place name, before resolution.
 *
 * @param first index of the first token
 * @param last index of the last token (inclusive)
 * @param folded the name in index form
 * @param demonymOf the country a demonym names, null for toponyms
 * @param regionCue a word such as "province" says the name is a region
 * @param near the text says "near" or "north of" the place
 */
record Span(
    int first,
    int last,
    int start,
    int end,
    String folded,
    Place demonymOf,
    boolean regionCue,
    boolean near) {

  boolean demonym() {
    return demonymOf != null;
  }
}
