package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;

/**
 * A name's candidates as the resolver weighs them, before any context: the best {@link
 * #MAX_CANDIDATES} by prior, with their priors and the keys of their first-level regions (see
 * {@link Resolver#regionOf}). The same for every text, so the parser keeps it.
 */
record Ranked(List<Place> places, double[] prior, String[] regions) {
  /** Candidates per name that are weighed at all, best prior first. */
  private static final int MAX_CANDIDATES = 40;

  Ranked(List<Place> places, double[] prior) {
    this(places, prior, places.stream().map(Resolver::regionOf).toArray(String[]::new));
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
    } else if (code.startsWith("PPLX")
        || "PPLL".equals(code)
        || "PPLH".equals(code)
        || "PPLQ".equals(code)) {
      score -= 1.5;
    }
    return score;
  }
}
