package org.conflictmap.geoparse;

import org.conflictmap.gazetteer.Place;

/**
 * A stretch of text the spotter takes for a place name, before resolution.
 *
 * @param first index of the first token
 * @param last index of the last token (inclusive)
 * @param folded the name in index form
 * @param fixed the one place the words can mean, for demonyms ("Syrian") and short forms ("U.S.",
 *     "W.Va."); null when the gazetteer's candidates for {@code folded} are to be ranked
 * @param demonym the words name a people, not a place
 * @param regionCue a word such as "province" says the name is a region
 * @param near the text says "near" or "north of" the place
 */
record Span(
    int first,
    int last,
    int start,
    int end,
    String folded,
    Place fixed,
    boolean demonym,
    boolean regionCue,
    boolean near) {}
