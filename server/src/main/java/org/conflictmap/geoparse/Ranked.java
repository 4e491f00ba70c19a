package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * A name's candidates as the resolver weighs them, before any context: the best {@link
 * #MAX_CANDIDATES} by prior, with their priors, and what the resolver asks of each candidate in
 * every text in flat arrays (its country and first-level region as numbers, its kind as bits, its
 * position): the same for every text, so the parser keeps it, and the resolver's loops read these
 * arrays instead of visiting each place and comparing its codes.
 *
 * @param country per candidate, the number of its country (see {@link #countryId})
 * @param region per candidate, the number of its first-level region ({@link Resolver#regionOf}), -1
 *     if none
 * @param kind per candidate, the bits {@link #COUNTRY} and the like
 */
record Ranked(
    List<Place> places,
    double[] prior,
    int[] country,
    int[] region,
    byte[] kind,
    double[] lat,
    double[] lon) {
  /** Candidates per name that are weighed at all, best prior first. */
  private static final int MAX_CANDIDATES = 40;

  /** Precision {@link Precision#COUNTRY}. */
  static final byte COUNTRY = 1;

  /** Precision {@link Precision#REGION}. */
  static final byte REGION = 1 << 1;

  /** Precision {@link Precision#TOWN}. */
  static final byte TOWN = 1 << 2;

  /** A first-level region (ADM1). */
  static final byte ADM1 = 1 << 3;

  /** A capital (PPLC). */
  static final byte CAPITAL = 1 << 4;

  /** A town or a county: small enough that nearness to it means something. */
  static final byte LOCAL = 1 << 5;

  Ranked(List<Place> places, double[] prior) {
    this(
        places,
        prior,
        places.stream().mapToInt(p -> countryId(p.countryCode())).toArray(),
        places.stream().mapToInt(p -> regionId(Resolver.regionOf(p))).toArray(),
        kinds(places),
        places.stream().mapToDouble(Place::lat).toArray(),
        places.stream().mapToDouble(Place::lon).toArray());
  }

  private static byte[] kinds(List<Place> places) {
    byte[] kind = new byte[places.size()];
    for (int k = 0; k < kind.length; k++) {
      Place p = places.get(k);
      Precision precision = p.precision();
      int b =
          switch (precision) {
            case COUNTRY -> COUNTRY;
            case REGION -> REGION;
            case TOWN -> TOWN;
          };
      if ("ADM1".equals(p.featureCode())) {
        b |= ADM1;
      }
      if ("PPLC".equals(p.featureCode())) {
        b |= CAPITAL;
      }
      if (precision == Precision.TOWN || "ADM2".equals(p.featureCode())) {
        b |= LOCAL;
      }
      kind[k] = (byte) b;
    }
    return kind;
  }

  /** Whether candidate k has any of the kind bits {@code bits}. */
  boolean is(int k, int bits) {
    return (kind[k] & bits) != 0;
  }

  /*
   * Countries and first-level regions by number, in the order first met and the same for every
   * parser: the resolver sums belief per country and region in arrays, and numbers spare it from
   * hashing their codes per candidate per text. Bounded by the countries and regions of the world.
   */
  private static final Map<String, Integer> COUNTRY_IDS = new ConcurrentHashMap<>();
  private static final Map<String, Integer> REGION_IDS = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNTRIES = new AtomicInteger();
  private static final AtomicInteger REGIONS = new AtomicInteger();

  static int countryId(String countryCode) {
    return COUNTRY_IDS.computeIfAbsent(countryCode, c -> COUNTRIES.getAndIncrement());
  }

  /** The region's number, or -1 for "" (no region). */
  static int regionId(String regionKey) {
    return regionKey.isEmpty()
        ? -1
        : REGION_IDS.computeIfAbsent(regionKey, r -> REGIONS.getAndIncrement());
  }

  static Ranked of(List<Place> all, String folded, Weights w) {
    double[] prior = new double[all.size()];
    for (int k = 0; k < all.size(); k++) {
      prior[k] = nameAwarePrior(all.get(k), folded, w);
    }
    List<Place> kept = all;
    if (all.size() > MAX_CANDIDATES) {
      // a name with a hundred namesakes: the smallest never win, and weighing them costs time
      Integer[] idx = new Integer[all.size()];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = k;
      }
      Arrays.sort(idx, (x, y) -> Double.compare(prior[y], prior[x]));
      kept = new ArrayList<>(MAX_CANDIDATES);
      double[] top = new double[MAX_CANDIDATES];
      for (int k = 0; k < MAX_CANDIDATES; k++) {
        kept.add(all.get(idx[k]));
        top[k] = prior[idx[k]];
      }
      return new Ranked(List.copyOf(kept), top);
    }
    return new Ranked(all, prior);
  }

  /** The prior, less where the name is only a county's short form or a town's alternate name. */
  private static double nameAwarePrior(Place p, String folded, Weights w) {
    double prior = prior(p, w);
    boolean county = "ADM2".equals(p.featureCode());
    boolean town = "P".equals(p.featureClass());
    if (!county && !town) {
      return prior;
    }
    boolean ownName = Names.foldsTo(p.name(), folded);
    if (county && !ownName) {
      // "Richmond" is the city far more often than Richmond County
      prior -= w.shortCounty();
    } else if (town && !ownName) {
      // a town found by a historic or foreign alternate name ("Berea" for Aleppo) is a weaker
      // reading than a town of that very name
      prior -= w.alternateName();
    }
    return prior;
  }

  /**
   * How likely a place is to be meant by a bare mention of its name, in log10 units: population,
   * and the kind of place (a country or a capital over a village of the same name).
   */
  static double prior(Place p, Weights w) {
    double score = Math.log10(p.population() + 10.0);
    String code = p.featureCode();
    if (code.startsWith("PCL")) {
      score += w.pcl();
    } else if ("PPLC".equals(code)) {
      score += w.capital();
    } else if ("PPLA".equals(code)) {
      score += w.seat();
    } else if ("PPLA2".equals(code)) {
      score += w.seat2();
    } else if ("ADM1".equals(code)) {
      // a region's population is its towns' sum; its seat of the same name ("Idlib") comes first
      score += w.adm1();
    } else if ("ADM2".equals(code)) {
      score += w.adm2();
    } else if ("CONT".equals(code) || "OCN".equals(code)) {
      // no population: nothing else called "Europe" or "Atlantic" is meant in the news
      score += 6.0;
    } else if (p.wellKnownFeature()) {
      score += 3.0; // world regions, seas and mountains have no population either
    } else if (p.minorSettlement()) {
      score -= 1.5;
    }
    return score;
  }
}
