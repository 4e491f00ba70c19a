package org.conflictmap.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;

/**
 * Runs the geoparser over an annotated corpus and measures it: recognition against the gold spans,
 * the resolver alone on the gold spans, both together, and the population baseline and gazetteer
 * oracle on the same spans.
 */
public final class Evaluation {
  private final Geoparser parser;
  private final Consumer<String> details;

  private final Counter exact = new Counter();
  private final Counter overlap = new Counter();
  private final DoubleList ours = new DoubleList();
  private final DoubleList base = new DoubleList();
  private final DoubleList endToEnd = new DoubleList();
  private final DoubleList baseEndToEnd = new DoubleList();
  private int withId;
  private int oursIdHits;
  private int baseIdHits;
  private int named;
  private int oracle;

  private Evaluation(Geoparser parser, Consumer<String> details) {
    this.parser = parser;
    this.details = details;
  }

  public static EvalReport run(Geoparser parser, Corpus corpus) {
    return run(parser, corpus, line -> {});
  }

  /**
   * As {@link #run(Geoparser, Corpus)}, writing one tab-separated line per error to {@code
   * details}: {@code FP} spans found that gold lacks, {@code FN} gold spans not found, {@code RES}
   * gold toponyms resolved more than 161 km off though a candidate lies within it, {@code RES-GAZ}
   * those the gazetteer has no place for.
   */
  public static EvalReport run(Geoparser parser, Corpus corpus, Consumer<String> details) {
    Evaluation e = new Evaluation(parser, details);
    int gold = 0;
    int located = 0;
    for (GoldArticle a : corpus.articles()) {
      e.article(a);
      gold += a.toponyms().size();
      located += (int) a.toponyms().stream().filter(GoldToponym::located).count();
    }
    return new EvalReport(
        corpus.name(),
        corpus.format().label(),
        corpus.articles().size(),
        gold,
        located,
        e.withId,
        corpus.realigned(),
        corpus.dropped(),
        e.exact.counts(),
        e.overlap.counts(),
        ErrorStats.of(e.ours.toArray()),
        share(e.oursIdHits, e.withId),
        ErrorStats.of(e.base.toArray()),
        share(e.baseIdHits, e.withId),
        ErrorStats.of(e.endToEnd.toArray()),
        ErrorStats.of(e.baseEndToEnd.toArray()),
        share(e.named, located),
        share(e.oracle, located));
  }

  private void article(GoldArticle a) {
    String text = a.text();
    List<Mention> predicted = parser.parse(text);
    recognition(a, predicted);

    List<GoldToponym> gold = a.toponyms().stream().filter(GoldToponym::located).toList();
    List<int[]> spans = gold.stream().map(t -> new int[] {t.start(), t.end()}).toList();
    List<Mention> resolved = parser.resolveAt(text, spans);
    for (int k = 0; k < gold.size(); k++) {
      GoldToponym g = gold.get(k);
      List<Place> candidates = parser.candidates(g.name());
      Place chosen = resolved.get(k) == null ? null : resolved.get(k).place();
      Place biggest = largest(candidates);
      double err = error(g, chosen);
      ours.add(err);
      base.add(error(g, biggest));
      if (!candidates.isEmpty()) {
        named++;
      }
      boolean reachable = candidates.stream().anyMatch(p -> error(g, p) <= ErrorStats.ACCURATE_KM);
      if (reachable) {
        oracle++;
      }
      if (g.geonameId() != null) {
        withId++;
        if (chosen != null && Objects.equals(chosen.geonameId(), g.geonameId())) {
          oursIdHits++;
        }
        if (biggest != null && Objects.equals(biggest.geonameId(), g.geonameId())) {
          baseIdHits++;
        }
      }
      if (err > ErrorStats.ACCURATE_KM) {
        details.accept(
            String.join(
                "\t",
                reachable ? "RES" : "RES-GAZ",
                a.id(),
                Integer.toString(g.start()),
                g.name(),
                chosen == null
                    ? "-"
                    : chosen.key()
                        + " "
                        + chosen.name()
                        + " "
                        + chosen.featureCode()
                        + " "
                        + chosen.countryCode()
                        + "."
                        + chosen.admin1(),
                Long.toString(Math.round(err)),
                g.geonameId() == null ? "-" : g.geonameId().toString(),
                context(text, g.start(), g.end())));
      }
      Mention found = bestOverlap(predicted, g);
      endToEnd.add(found == null ? ErrorStats.MAX_KM : error(g, found.place()));
      baseEndToEnd.add(
          found == null ? ErrorStats.MAX_KM : error(g, largest(parser.candidates(found.text()))));
    }
  }

  private void recognition(GoldArticle a, List<Mention> predicted) {
    Set<Long> goldSpans = new HashSet<>();
    for (GoldToponym g : a.toponyms()) {
      goldSpans.add(key(g.start(), g.end()));
    }
    Set<Long> predictedSpans = new HashSet<>();
    for (Mention m : predicted) {
      predictedSpans.add(key(m.start(), m.end()));
    }
    int predictedExact = 0;
    int predictedOverlap = 0;
    for (Mention m : predicted) {
      if (goldSpans.contains(key(m.start(), m.end()))) {
        predictedExact++;
      } else {
        details.accept(
            String.join(
                "\t",
                "FP",
                a.id(),
                Integer.toString(m.start()),
                m.text(),
                context(a.text(), m.start(), m.end())));
      }
      if (a.toponyms().stream().anyMatch(g -> g.start() < m.end() && m.start() < g.end())) {
        predictedOverlap++;
      }
    }
    int goldExact = 0;
    int goldOverlap = 0;
    for (GoldToponym g : a.toponyms()) {
      if (predictedSpans.contains(key(g.start(), g.end()))) {
        goldExact++;
      } else {
        details.accept(
            String.join(
                "\t",
                "FN",
                a.id(),
                Integer.toString(g.start()),
                g.name(),
                context(a.text(), g.start(), g.end())));
      }
      if (predicted.stream().anyMatch(m -> g.start() < m.end() && m.start() < g.end())) {
        goldOverlap++;
      }
    }
    exact.add(predictedExact, predicted.size(), goldExact, a.toponyms().size());
    overlap.add(predictedOverlap, predicted.size(), goldOverlap, a.toponyms().size());
  }

  /** The predicted mention sharing the most characters with a gold span, if any. */
  private static Mention bestOverlap(List<Mention> predicted, GoldToponym g) {
    Mention best = null;
    int bestShared = 0;
    for (Mention m : predicted) {
      int shared = Math.min(m.end(), g.end()) - Math.max(m.start(), g.start());
      if (shared > bestShared) {
        best = m;
        bestShared = shared;
      }
    }
    return best;
  }

  private static Place largest(List<Place> candidates) {
    return candidates.stream()
        .max(Comparator.comparingLong(Place::population).thenComparing(Place::key))
        .orElse(null);
  }

  private static double error(GoldToponym g, Place p) {
    return p == null
        ? ErrorStats.MAX_KM
        : ErrorStats.distanceKm(g.lat(), g.lon(), p.lat(), p.lon());
  }

  private static String context(String text, int start, int end) {
    String s =
        text.substring(Math.max(0, start - 40), start)
            + "[["
            + text.substring(start, end)
            + "]]"
            + text.substring(end, Math.min(text.length(), end + 40));
    return s.replace('\n', ' ').replace('\t', ' ');
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static final class Counter {
    int predictedMatched;
    int predicted;
    int goldMatched;
    int gold;

    void add(int pm, int p, int gm, int g) {
      predictedMatched += pm;
      predicted += p;
      goldMatched += gm;
      gold += g;
    }

    Counts counts() {
      return new Counts(predictedMatched, predicted, goldMatched, gold);
    }
  }

  private static final class DoubleList {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
      values.add(v);
    }

    double[] toArray() {
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
