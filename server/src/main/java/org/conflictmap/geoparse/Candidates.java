package org.conflictmap.geoparse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;

/** The gazetteer's places for a folded name, looked up once per document. */
final class Candidates {
  private final Gazetteer gazetteer;
  private final Map<String, List<Place>> cache = new HashMap<>();
  private final Map<String, Boolean> named = new HashMap<>();

  /** Ranked candidates by folded name, kept across texts by the parser; null to keep none. */
  private final Map<String, Resolver.Ranked> ranked;

  /** Places by folded name, kept across texts by the parser; null to keep none. */
  private final Map<String, List<Place>> places;

  Candidates(Gazetteer gazetteer) {
    this(gazetteer, null, null);
  }

  Candidates(
      Gazetteer gazetteer, Map<String, Resolver.Ranked> ranked, Map<String, List<Place>> places) {
    this.gazetteer = gazetteer;
    this.ranked = ranked;
    this.places = places;
  }

  /** The resolver's ranking of a name's candidates, from the parser's store when it has one. */
  Resolver.Ranked ranked(String folded, Function<List<Place>, Resolver.Ranked> rank) {
    if (ranked == null) {
      return rank.apply(of(folded));
    }
    Resolver.Ranked r = ranked.get(folded);
    if (r == null) {
      r = rank.apply(of(folded));
      ranked.put(folded, r);
    }
    return r;
  }

  /** The places of this name; shared, not to be changed. */
  List<Place> of(String folded) {
    return cache.computeIfAbsent(folded, this::lookup);
  }

  private List<Place> lookup(String folded) {
    if (places == null) {
      return gazetteer.lookupNormalized(folded);
    }
    List<Place> known = places.get(folded);
    if (known == null) {
      known = List.copyOf(gazetteer.lookupNormalized(folded));
      places.put(folded, known);
    }
    return known;
  }

  /** Whether any place has this folded name, without fetching the places. */
  boolean contains(String folded) {
    List<Place> known = cache.get(folded);
    if (known != null) {
      return !known.isEmpty();
    }
    // a name recurs in a text; the answer is kept so that the large index is asked once
    return named.computeIfAbsent(folded, this::named);
  }

  private boolean named(String folded) {
    // a place name the parser has seen of late is answered from its list, not from the index
    List<Place> seen = places == null ? null : places.get(folded);
    return seen != null ? !seen.isEmpty() : gazetteer.containsNormalized(folded);
  }
}
