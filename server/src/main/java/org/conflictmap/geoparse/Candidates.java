package org.conflictmap.geoparse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;

/** The gazetteer's places for a folded name, looked up once per document. */
final class Candidates {
  private final Gazetteer gazetteer;
  private final Map<String, List<Place>> cache = new HashMap<>();
  private final Map<String, Boolean> named = new HashMap<>();

  Candidates(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The places of this name; shared, not to be changed. */
  List<Place> of(String folded) {
    return cache.computeIfAbsent(folded, gazetteer::lookupNormalized);
  }

  /** Whether any place has this folded name, without fetching the places. */
  boolean contains(String folded) {
    List<Place> known = cache.get(folded);
    if (known != null) {
      return !known.isEmpty();
    }
    // a name recurs in a text; the answer is kept so that the large index is asked once
    return named.computeIfAbsent(folded, gazetteer::containsNormalized);
  }
}
