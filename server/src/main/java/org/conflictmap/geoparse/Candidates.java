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

  /** What the parser keeps across texts, by folded name; null to keep nothing. */
  private final Map<String, Known> recent;

  /** A name's places, and their ranking by prior once the resolver has asked for it. */
  static final class Known {
    final List<Place> places;
    volatile Ranked ranked;

    Known(List<Place> places) {
      this.places = places;
    }
  }

  Candidates(Gazetteer gazetteer) {
    this(gazetteer, null);
  }

  Candidates(Gazetteer gazetteer, Map<String, Known> recent) {
    this.gazetteer = gazetteer;
    this.recent = recent;
  }

  /** The resolver's ranking of a name's candidates, from the parser's store when it has one. */
  Ranked ranked(String folded, Function<List<Place>, Ranked> rank) {
    if (recent == null) {
      return rank.apply(of(folded));
    }
    Known k = known(folded);
    Ranked r = k.ranked;
    if (r == null) {
      r = rank.apply(k.places);
      k.ranked = r;
    }
    return r;
  }

  /** The places of this name; shared, not to be changed. */
  List<Place> of(String folded) {
    return cache.computeIfAbsent(
        folded, f -> recent == null ? gazetteer.lookupNormalized(f) : known(f).places);
  }

  private Known known(String folded) {
    Known k = recent.get(folded);
    if (k == null) {
      k = new Known(List.copyOf(gazetteer.lookupNormalized(folded)));
      recent.put(folded, k);
    }
    return k;
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
    Known seen = recent == null ? null : recent.get(folded);
    return seen != null ? !seen.places.isEmpty() : gazetteer.containsNormalized(folded);
  }
}
