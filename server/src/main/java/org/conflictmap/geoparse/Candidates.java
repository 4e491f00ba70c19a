package org.conflictmap.geoparse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;

/** The gazetteer's places for a folded name, looked up once per document. */
final class Candidates {
  private final Gazetteer gazetteer;
  private final Map<String, Known> cache = new HashMap<>();
  private final Map<String, Boolean> named = new HashMap<>();

  /** What the parser keeps across texts, by folded name; null to keep nothing. */
  private final RecentNames<Known> recent;

  /**
   * A name's places, their ranking by prior once the resolver has asked for it, and the spotter's
   * facts about them once it has asked (see {@link #facts}).
   */
  static final class Known {
    final List<Place> places;
    volatile Ranked ranked;

    /** {@link #FACTS_KNOWN} and the facts, or 0 before they are asked for. */
    volatile int facts;

    Known(List<Place> places) {
      this.places = places;
    }
  }

  Candidates(Gazetteer gazetteer, RecentNames<Known> recent) {
    this.gazetteer = gazetteer;
    this.recent = recent;
  }

  /** The resolver's ranking of a name's candidates, from the parser's store of recent names. */
  Ranked ranked(String folded, Function<List<Place>, Ranked> rank) {
    Known k = known(folded);
    Ranked r = k.ranked;
    if (r == null) {
      r = rank.apply(k.places);
      k.ranked = r;
    }
    return r;
  }

  /**
   * The ranking of the one place a span is bound to ({@link Span#fixed}), as written there: kept as
   * a name's is, under a key no folded name can have.
   */
  Ranked ranked(Place fixed, String folded, Function<List<Place>, Ranked> rank) {
    String key = "\u0000" + fixed.key() + "\u0000" + folded;
    Known k = cache.get(key);
    if (k == null) {
      k = recent.get(key);
      if (k == null) {
        k = new Known(List.of(fixed));
        recent.put(key, k);
      }
      cache.put(key, k);
    }
    Ranked r = k.ranked;
    if (r == null) {
      r = rank.apply(k.places);
      k.ranked = r;
    }
    return r;
  }

  /**
   * Facts about a name's places as bits that {@code facts} works out from the places and the name,
   * once per name for as long as the parser keeps it: the spotter weighs the same name's places the
   * same way in every text. The function must give the same bits for every call with a name and
   * must not set {@link #FACTS_KNOWN}.
   */
  int facts(String folded, ToIntBiFunction<List<Place>, String> facts) {
    Known k = known(folded);
    int f = k.facts;
    if (f == 0) {
      f = facts.applyAsInt(k.places, folded) | FACTS_KNOWN;
      k.facts = f;
    }
    return f;
  }

  /** Set in every {@link Known#facts} worked out. */
  static final int FACTS_KNOWN = 1 << 31;

  /** The places of this name; shared, not to be changed. */
  List<Place> of(String folded) {
    return known(folded).places;
  }

  private Known known(String folded) {
    Known k = cache.get(folded);
    if (k == null) {
      k = shared(folded);
      cache.put(folded, k);
    }
    return k;
  }

  private Known shared(String folded) {
    Known k = recent.get(folded);
    if (k == null) {
      k = new Known(List.copyOf(gazetteer.lookupNormalized(folded)));
      recent.put(folded, k);
    }
    return k;
  }

  /** Whether any place has this folded name, without fetching the places. */
  boolean contains(String folded) {
    Known known = cache.get(folded);
    if (known != null) {
      return !known.places.isEmpty();
    }
    // a name recurs in a text; the answer is kept so that the large index is asked once
    return named.computeIfAbsent(folded, this::named);
  }

  /**
   * {@link #contains} of the folded name of tokens a..b, told by the gazetteer's filter on the
   * name's hash without building the name where that can say no, as it mostly does.
   */
  boolean containsRun(Document doc, int a, int b) {
    long hash = doc.foldedHash(a, b);
    if (hash != Document.NO_HASH && !gazetteer.mayNameHash((int) hash)) {
      return false;
    }
    return contains(doc.folded(a, b));
  }

  private boolean named(String folded) {
    // a place name the parser has seen of late is answered from its list, not from the index
    Known seen = recent.get(folded);
    return seen != null ? !seen.places.isEmpty() : gazetteer.containsNormalized(folded);
  }
}
