package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * Chooses one place per spotted name, in the light of the whole article.
 *
 * <p>A candidate starts from its prior (population, kind of place). Hints written next to a name
 * add to it: a larger place after a comma ("Alexandria, Va.", "Idlib, Syria") or before a
 * possessive ("Syria's Idlib"), and a region word ("Idlib province"). Then, a few rounds over the
 * article: each name's current belief is spread over countries and first-level regions, and a
 * candidate gains from the countries and regions the <em>other</em> names of the article point to,
 * and from lying close to their likely places. That is how a local paper's "Paris" next to Lamar
 * County and Dallas becomes Paris, Texas, while "Paris" beside France stays in France. All
 * occurrences of a name share one reading (one sense per discourse), except that a region word
 * makes its own occurrence the region.
 */
final class Resolver {
  private static final int ALTERNATIVES = 4;
  private static final int ROUNDS = 3;

  /**
   * Penalty, in log10-of-population units, for a country reading of a name the text writes as a
   * town's ("Jordan police").
   */
  private static final double LOCAL_CUE = 8.0;

  /**
   * How much more a name named n times weighs in the article's sense of place than a name named
   * once: 1 + this × ln n. Only for names whose likeliest reading is a town or county; a country's
   * or state's name said often ("Mexico", "Oregon") must not drag the others into a small place.
   */
  private static final double REPEATS = 0.7;

  /**
   * Factor on the region evidence for a first-level region whose name a country bears too: the
   * towns of Georgia named beside "Georgia" make it the state, not the country.
   */
  private static final double REGION_OVER_COUNTRY = 2.0;

  /** Candidates per name whose nearness to other names is weighed; the rest keep their prior. */
  private static final int NEAR_CANDIDATES = 12;

  private final Weights w;
  private final Document doc;
  private final List<Span> spans;
  private final Hints hints;

  private Resolver(Weights w, Document doc, List<Span> spans) {
    this.w = w;
    this.doc = doc;
    this.spans = spans;
    this.hints = new Hints(w, doc, spans);
  }

  static List<Mention> resolve(Weights w, Candidates candidates, Document doc, List<Span> spans) {
    List<Mention> out = new ArrayList<>(spans.size());
    for (Mention m : new Resolver(w, doc, spans).resolveAll(candidates)) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** One mention per span, in the same order: null where a span has no candidate. */
  static List<Mention> resolveEach(
      Weights w, Candidates candidates, Document doc, List<Span> spans) {
    return new Resolver(w, doc, spans).resolveAll(candidates);
  }

  /** All occurrences of one name, with its candidates and their running scores. */
  private static final class Name {
    final List<Place> places;
    final double[] base;
    final double[] score;
    final double[] prob;
    final boolean fixed;

    /** How many times the article names it. */
    int count;

    double weight;

    /** The choice for an occurrence without cues of its own, once made. */
    Choice plain;

    /** An occurrence is written as a town's: "Jordan police". */
    boolean localCue;

    /** A country bears the name too ("Georgia"). */
    boolean countryToo;

    /**
     * Per candidate: its country and first-level region as small numbers of this text (region -1 if
     * none).
     */
    int[] country;

    int[] region;

    /** The candidates as ranked for every text: their kinds and positions. */
    final Ranked ranked;

    /** The candidates whose nearness to other names is weighed (see {@link #topByBase}). */
    int[] top;

    /** Scratch for a round of {@link #context}: the scores it works out from the others'. */
    final double[] next;

    Name(Ranked ranked, boolean fixed) {
      this.ranked = ranked;
      this.places = ranked.places();
      this.base = ranked.prior().clone();
      this.fixed = fixed;
      this.score = new double[places.size()];
      this.prob = new double[places.size()];
      this.next = new double[places.size()];
    }
  }

  private List<Mention> resolveAll(Candidates candidates) {
    Map<String, Name> names = new LinkedHashMap<>();
    Name[] nameOf = new Name[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      String key = s.fixed() != null ? "\u0000" + s.fixed().key() : s.folded();
      Name name = names.get(key);
      if (name == null) {
        Ranked ranked =
            s.fixed() != null
                ? candidates.ranked(s.fixed(), s.folded(), one -> Ranked.of(one, s.folded(), w))
                : candidates.ranked(s.folded(), all -> Ranked.of(all, s.folded(), w));
        name = new Name(ranked, s.fixed() != null);
        names.put(key, name);
      }
      nameOf[i] = name;
      name.count++;
    }
    // hints written next to a name hold for all its occurrences: the strongest one counts
    for (Name name : names.values()) {
      Arrays.fill(name.score, Double.NEGATIVE_INFINITY);
    }
    for (int i = 0; i < spans.size(); i++) {
      Name name = nameOf[i];
      Place hint = hints.container(i, candidates);
      name.localCue |= hints.localCue(spans.get(i));
      if (hint == null) {
        // most names have no hint: their base as it is (as hintBonus would add +0.0)
        for (int k = 0; k < name.places.size(); k++) {
          name.score[k] = Math.max(name.score[k], name.base[k] + 0.0);
        }
        continue;
      }
      for (int k = 0; k < name.places.size(); k++) {
        double h = name.base[k] + hintBonus(name.places.get(k), hint);
        name.score[k] = Math.max(name.score[k], h);
      }
    }
    for (Name name : names.values()) {
      if (name.localCue) {
        // one occurrence written as a town's ("Jordan police") makes every occurrence the town
        for (int k = 0; k < name.places.size(); k++) {
          if (name.ranked.is(k, Ranked.COUNTRY)) {
            name.score[k] -= LOCAL_CUE;
          }
        }
      }
      System.arraycopy(name.score, 0, name.base, 0, name.base.length);
      softmax(name.score, name.prob);
    }
    List<Name> all = new ArrayList<>(names.values());
    Numbering countryIds = new Numbering();
    Numbering regionIds = new Numbering();
    for (Name n : all) {
      n.countryToo = false;
      for (int k = 0; k < n.places.size(); k++) {
        n.countryToo |= n.ranked.is(k, Ranked.COUNTRY);
      }
      n.weight = 1 + (localName(n) ? REPEATS * Math.log(n.count) : 0);
      n.country = new int[n.places.size()];
      n.region = new int[n.places.size()];
      for (int k = 0; k < n.places.size(); k++) {
        n.country[k] = countryIds.of(n.ranked.country()[k]);
        int region = n.ranked.region()[k];
        n.region[k] = region < 0 ? -1 : regionIds.of(region);
      }
      // before any name's base gains from nearness, as the grid needs them
      n.top = topByBase(n, NEAR_CANDIDATES);
    }
    Grid grid = new Grid(all);
    for (int a = 0; a < all.size(); a++) {
      Name n = all.get(a);
      if (n.places.size() > 1) {
        for (int k : n.top) {
          n.base[k] += w.near() * nearness(n, k, a, grid);
        }
      }
    }
    for (Name n : all) {
      softmax(n.base, n.prob);
    }
    Mass mass = new Mass(countryIds.size(), regionIds.size());
    for (int round = 0; round < ROUNDS; round++) {
      context(all, w, mass);
    }
    List<Mention> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      out.add(mention(spans.get(i), nameOf[i]));
    }
    return out;
  }

  /**
   * Belief summed by country and by region, for the whole article and for one name, in arrays
   * indexed by the numbers {@link Name#country} and {@link Name#region} hold.
   */
  private static final class Mass {
    final double[] country;
    final double[] region;
    final double[] ownCountry;
    final double[] ownRegion;

    Mass(int countries, int regions) {
      country = new double[countries];
      region = new double[regions];
      ownCountry = new double[countries];
      ownRegion = new double[regions];
    }
  }

  /** One round: every name's scores from its base and the other names' current beliefs. */
  private static void context(List<Name> all, Weights w, Mass mass) {
    double[] countryMass = mass.country;
    double[] regionMass = mass.region;
    Arrays.fill(countryMass, 0);
    Arrays.fill(regionMass, 0);
    for (Name n : all) {
      double m = n.weight;
      for (int k = 0; k < n.places.size(); k++) {
        countryMass[n.country[k]] += m * n.prob[k];
        if (n.region[k] >= 0) {
          regionMass[n.region[k]] += m * n.prob[k];
        }
      }
    }
    double[] ownCountry = mass.ownCountry;
    double[] ownRegion = mass.ownRegion;
    for (Name n : all) {
      if (n.places.size() == 1) {
        // its score is its base and its one candidate holds all belief, in every round
        continue;
      }
      double[] s = n.next;
      System.arraycopy(n.base, 0, s, 0, s.length);
      for (int k = 0; k < n.places.size(); k++) {
        ownCountry[n.country[k]] = 0;
        if (n.region[k] >= 0) {
          ownRegion[n.region[k]] = 0;
        }
      }
      double m = n.weight;
      for (int k = 0; k < n.places.size(); k++) {
        ownCountry[n.country[k]] += m * n.prob[k];
        if (n.region[k] >= 0) {
          ownRegion[n.region[k]] += m * n.prob[k];
        }
      }
      for (int k = 0; k < n.places.size(); k++) {
        double cs = countryMass[n.country[k]] - ownCountry[n.country[k]];
        s[k] += w.country() * log1p(Math.max(0, cs));
        int region = n.region[k];
        if (region >= 0) {
          double rs = regionMass[region] - ownRegion[region];
          double f = n.countryToo && n.ranked.is(k, Ranked.ADM1) ? REGION_OVER_COUNTRY : 1;
          s[k] += f * w.region() * log1p(Math.max(0, rs));
        }
      }
    }
    for (Name n : all) {
      if (n.places.size() > 1) {
        System.arraycopy(n.next, 0, n.score, 0, n.score.length);
        softmax(n.score, n.prob);
      }
    }
  }

  /**
   * {@link Math#log1p} of a number that is not negative. Most candidates lie in a country or region
   * that no other name of the text points to, where the mass is exactly +0 and so is its log1p:
   * that case is answered without the call.
   */
  private static double log1p(double x) {
    return x == 0 ? 0.0 : Math.log1p(x);
  }

  /**
   * How many other names of the article have a reading close to this place: for each other name its
   * closest top candidate counts, by a kernel that is 1 at the same spot and ½ at 100 km. Any
   * reading counts, not only the favourite, so that "Paris" and "Henry County" find each other in
   * Tennessee though each alone would go elsewhere.
   */
  private static double nearness(Name n, int c, int self, Grid grid) {
    if (!n.ranked.is(c, Ranked.LOCAL)) {
      return 0;
    }
    double lat = n.ranked.lat()[c];
    double lon = n.ranked.lon()[c];
    double cosLat = Math.cos(Math.toRadians(lat));
    // best kernel per other name; only the names met here are touched, listed, and reset after
    double[] best = grid.best;
    int[] met = grid.met;
    int count = 0;
    int cy = (int) Math.floor(lat);
    int cx = (int) Math.floor(lon);
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        for (int e = grid.first(cy + dy, cx + dx); e >= 0; e = grid.next[e]) {
          int name = grid.name[e];
          if (name == self
              || grid.lat[e] == lat && grid.lon[e] == lon && grid.place(e) == n.places.get(c)) {
            continue; // only the very same place lies at the very same spot
          }
          double y = (grid.lat[e] - lat) * 111.2;
          double x = (grid.lon[e] - lon) * 111.2 * cosLat;
          double k = 1 / (1 + (x * x + y * y) / (100.0 * 100.0));
          if (k > best[name]) {
            if (best[name] == 0) {
              met[count++] = name;
            }
            best[name] = k;
          }
        }
      }
    }
    // summed in the names' order, as a sum over every name would be (the others add +0)
    Arrays.sort(met, 0, count);
    double sum = 0;
    for (int m = 0; m < count; m++) {
      sum += best[met[m]];
      best[met[m]] = 0;
    }
    return Math.log1p(sum);
  }

  /** A name whose likeliest bare reading is a town or county, not a country, region or capital. */
  private static boolean localName(Name n) {
    int best = -1;
    for (int k = 0; k < n.places.size(); k++) {
      if (best < 0 || n.base[k] > n.base[best]) {
        best = k;
      }
    }
    return best >= 0 && n.ranked.is(best, Ranked.LOCAL) && !n.ranked.is(best, Ranked.CAPITAL);
  }

  /**
   * The top candidates of every name that are towns or counties, bucketed by whole degrees of
   * latitude and longitude: per cell a chain of entries in flat arrays, found through an
   * open-addressing table at most a quarter full. {@link #nearness} looks up nine cells per
   * candidate, and this does so without boxing a key or visiting a place.
   */
  private static final class Grid {
    private final long[] keys;

    /** Per slot, the first entry of its cell's chain + 1; 0 for an empty slot. */
    private final int[] head;

    private final List<Name> all;

    /**
     * Per entry: the next entry of its cell (-1 at the end), its name, which of the name's places
     * it is, and its position.
     */
    final int[] next;

    final int[] name;
    private final int[] candidate;
    final double[] lat;
    final double[] lon;

    /** Scratch for {@link #nearness}: per name, its best kernel (0 between calls); names met. */
    final double[] best;

    final int[] met;

    Grid(List<Name> all) {
      this.all = all;
      best = new double[all.size()];
      met = new int[all.size()];
      int count = 0;
      for (Name n : all) {
        for (int k : n.top) {
          count += n.ranked.is(k, Ranked.LOCAL) ? 1 : 0;
        }
      }
      int capacity = Integer.highestOneBit(Math.max(2, count)) << 2;
      keys = new long[capacity];
      head = new int[capacity];
      next = new int[count];
      name = new int[count];
      candidate = new int[count];
      lat = new double[count];
      lon = new double[count];
      int e = 0;
      for (int a = 0; a < all.size(); a++) {
        Name n = all.get(a);
        for (int k : n.top) {
          if (n.ranked.is(k, Ranked.LOCAL)) {
            double y = n.ranked.lat()[k];
            double x = n.ranked.lon()[k];
            long key = key((int) Math.floor(y), (int) Math.floor(x));
            int slot = slot(key);
            keys[slot] = key;
            next[e] = head[slot] - 1;
            head[slot] = e + 1;
            name[e] = a;
            candidate[e] = k;
            lat[e] = y;
            lon[e] = x;
            e++;
          }
        }
      }
    }

    Place place(int e) {
      return all.get(name[e]).places.get(candidate[e]);
    }

    /** The first entry in the cell of whole degrees (lat, lon); -1 if none. */
    int first(int lat, int lon) {
      return head[slot(key(lat, lon))] - 1;
    }

    /** The key's slot: where it is, or the empty slot where it would go. */
    private int slot(long key) {
      int mask = keys.length - 1;
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      while (head[slot] != 0 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    static long key(int lat, int lon) {
      return ((long) lat << 32) ^ (lon & 0xffffffffL);
    }
  }

  /**
   * Countries or regions as numbered for every text ({@link Ranked#countryId}), numbered again 0,
   * 1, 2... in the order this text meets them, so that its sums fit in short arrays.
   */
  private static final class Numbering {
    /**
     * Open addressing, at most half full: the global number + 1 (0 = empty slot), and its number
     * here. A text names a handful of countries and regions however many candidates it weighs, so
     * the table starts small and grows.
     */
    private int[] keys = new int[32];

    private int[] values = new int[32];
    private int size;

    int of(int global) {
      int slot = slot(keys, global);
      if (keys[slot] != 0) {
        return values[slot];
      }
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = slot(keys, global);
      }
      keys[slot] = global + 1;
      values[slot] = size;
      return size++;
    }

    /** Where the global number is, or the empty slot where it would go. */
    private static int slot(int[] keys, int global) {
      int mask = keys.length - 1;
      int slot = (global * 0x9E3779B9 >>> 16) & mask;
      while (keys[slot] != 0 && keys[slot] != global + 1) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldKeys[k] != 0) {
          int slot = slot(keys, oldKeys[k] - 1);
          keys[slot] = oldKeys[k];
          values[slot] = oldValues[k];
        }
      }
    }

    int size() {
      return size;
    }
  }

  /**
   * The indices of the {@code limit} highest base scores, highest first, ties in index order (as a
   * stable sort would give them): an insertion into a short array, without boxing.
   */
  private static int[] topByBase(Name n, int limit) {
    int m = Math.min(limit, n.places.size());
    int[] out = new int[m];
    int filled = 0;
    for (int k = 0; k < n.places.size(); k++) {
      double v = n.base[k];
      int at = filled;
      while (at > 0 && Double.compare(v, n.base[out[at - 1]]) > 0) {
        at--;
      }
      if (at >= m) {
        continue;
      }
      int end = Math.min(filled, m - 1);
      System.arraycopy(out, at, out, at + 1, end - at);
      out[at] = k;
      filled = Math.min(filled + 1, m);
    }
    return out;
  }

  /** The first-level region a place is in, or is: its key, or "" if unknown. */
  static String regionOf(Place p) {
    if ("ADM1".equals(p.featureCode())) {
      return p.key();
    }
    return p.admin1Key();
  }

  private static void softmax(double[] score, double[] prob) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : score) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < score.length; k++) {
      prob[k] = Math.exp(score[k] - max);
      sum += prob[k];
    }
    for (int k = 0; k < score.length; k++) {
      prob[k] /= sum;
    }
  }

  private Mention mention(Span s, Name name) {
    if (name.places.isEmpty()) {
      return null;
    }
    String text = doc.text.substring(s.start(), s.end());
    Choice choice;
    if (!s.regionCue() && !hints.borderAfter(s)) {
      // most occurrences add nothing of their own to the name's scores: choose once per name
      if (name.plain == null) {
        name.plain = choose(name.score, name.places);
      }
      choice = name.plain;
    } else {
      choice = choose(cued(s, name), name.places);
    }
    return new Mention(
        s.start(),
        s.end(),
        text,
        s.demonym() ? Mention.Kind.DEMONYM : Mention.Kind.TOPONYM,
        choice.best(),
        choice.best().precision(),
        s.near(),
        choice.confidence(),
        choice.score(),
        choice.alternatives());
  }

  /** The best place of a name for one reading of its scores, with its runners-up. */
  private record Choice(
      Place best, double score, double confidence, List<Candidate> alternatives) {}

  /** The name's scores as one occurrence reads them, with its region word or border after it. */
  private double[] cued(Span s, Name name) {
    double[] score = name.score.clone();
    if (s.regionCue()) {
      for (int k = 0; k < score.length; k++) {
        if (name.ranked.is(k, Ranked.REGION)) {
          score[k] += w.regionCue();
        }
      }
    } else if (hints.borderAfter(s)) {
      // "the New York border", "the Mexico border": a state's or a country's, never a town's
      for (int k = 0; k < score.length; k++) {
        if (name.ranked.is(k, Ranked.TOWN)) {
          score[k] -= w.regionCue();
        }
      }
    }
    return score;
  }

  private static Choice choose(double[] score, List<Place> places) {
    int[] order = best(score, places, ALTERNATIVES + 1);
    List<Candidate> alternatives = new ArrayList<>();
    for (int r = 1; r < order.length; r++) {
      alternatives.add(new Candidate(places.get(order[r]), round(score[order[r]])));
    }
    double sum = 0;
    for (double v : score) {
      sum += Math.exp(v - score[order[0]]);
    }
    return new Choice(
        places.get(order[0]),
        round(score[order[0]]),
        Math.round(1000.0 / sum) / 1000.0,
        List.copyOf(alternatives));
  }

  /**
   * The indices of the {@code limit} best candidates, best first: highest score, then lowest key.
   * What sorting them all would put first, found by insertion into a short array.
   */
  private static int[] best(double[] score, List<Place> places, int limit) {
    int[] out = new int[Math.min(limit, score.length)];
    int filled = 0;
    for (int k = 0; k < score.length; k++) {
      int at = filled;
      while (at > 0 && ranksBefore(k, out[at - 1], score, places)) {
        at--;
      }
      if (at >= out.length) {
        continue;
      }
      int end = Math.min(filled, out.length - 1);
      System.arraycopy(out, at, out, at + 1, end - at);
      out[at] = k;
      filled = Math.min(filled + 1, out.length);
    }
    return out;
  }

  private static boolean ranksBefore(int x, int y, double[] score, List<Place> places) {
    int c = Double.compare(score[y], score[x]);
    return c != 0 ? c < 0 : places.get(x).key().compareTo(places.get(y).key()) < 0;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private double hintBonus(Place p, Place hint) {
    if (hint == null || p.key().equals(hint.key())) {
      return 0;
    }
    double bonus = 0;
    if (p.countryCode().equals(hint.countryCode())) {
      bonus += w.containerCountry();
      String region = regionOf(hint);
      if (hint.precision() == Precision.REGION && !region.isEmpty() && region.equals(regionOf(p))) {
        bonus += w.containerRegion();
      }
    }
    return bonus;
  }
}
