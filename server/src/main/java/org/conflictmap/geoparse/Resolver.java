package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * Chooses one place per spotted name. A candidate's score is its prior (population, kind of place)
 * plus context: countries the article names or whose people it names, a country written right
 * before ("Syria's Idlib") or after ("Idlib, Syria") the name, and a region word ("Idlib province")
 * that calls for the region over the town.
 */
final class Resolver {
  private static final int ALTERNATIVES = 4;
  private static final double COUNTRY_CONTEXT = 1.5;
  private static final double COUNTRY_CONTEXT_PER_MENTION = 0.5;
  private static final double COUNTRY_HINT = 4.0;
  private static final double REGION_HINT = 4.0;
  private static final double REGION_CUE = 8.0;

  private final Gazetteer gazetteer;
  private final Document doc;
  private final List<Span> spans;
  private final Map<String, Integer> countryMentions = new HashMap<>();

  private Resolver(Gazetteer gazetteer, Document doc, List<Span> spans) {
    this.gazetteer = gazetteer;
    this.doc = doc;
    this.spans = spans;
  }

  static List<Mention> resolve(Gazetteer gazetteer, Document doc, List<Span> spans) {
    List<Mention> out = new ArrayList<>(spans.size());
    for (Mention m : new Resolver(gazetteer, doc, spans).resolveAll()) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** One mention per span, in the same order: null where a span has no candidate. */
  static List<Mention> resolveEach(Gazetteer gazetteer, Document doc, List<Span> spans) {
    return new Resolver(gazetteer, doc, spans).resolveAll();
  }

  private List<Mention> resolveAll() {
    for (Span s : spans) {
      namedCountry(s).ifPresent(c -> countryMentions.merge(c.countryCode(), 1, Integer::sum));
    }
    List<Mention> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      String text = doc.text.substring(s.start(), s.end());
      if (s.demonym()) {
        out.add(
            new Mention(
                s.start(),
                s.end(),
                text,
                Mention.Kind.DEMONYM,
                s.demonymOf(),
                Precision.COUNTRY,
                false,
                1.0,
                Gazetteer.prior(s.demonymOf()),
                List.of()));
        continue;
      }
      Place hint = container(i).orElse(null);
      List<Candidate> ranked =
          gazetteer.lookupNormalized(s.folded()).stream()
              .map(p -> new Candidate(p, score(p, s, hint)))
              .sorted(
                  Comparator.comparingDouble(Candidate::score)
                      .reversed()
                      .thenComparing(c -> c.place().key()))
              .toList();
      if (ranked.isEmpty()) {
        out.add(null);
        continue;
      }
      Candidate best = ranked.get(0);
      out.add(
          new Mention(
              s.start(),
              s.end(),
              text,
              Mention.Kind.TOPONYM,
              best.place(),
              best.place().precision(),
              s.near(),
              confidence(ranked),
              best.score(),
              List.copyOf(ranked.subList(1, Math.min(ranked.size(), ALTERNATIVES + 1)))));
    }
    return out;
  }

  /**
   * The country a span names outright: a demonym, or a name whose best bare reading is a country.
   */
  private Optional<Place> namedCountry(Span s) {
    if (s.demonym()) {
      return Optional.of(s.demonymOf());
    }
    return gazetteer.lookupNormalized(s.folded()).stream()
        .max(Comparator.comparingDouble(Gazetteer::prior))
        .filter(p -> p.precision() == Precision.COUNTRY);
  }

  private double score(Place p, Span s, Place hint) {
    double score = Gazetteer.prior(p);
    int mentions = countryMentions.getOrDefault(p.countryCode(), 0);
    if (mentions > 0 && p.precision() != Precision.COUNTRY) {
      score += COUNTRY_CONTEXT + COUNTRY_CONTEXT_PER_MENTION * Math.min(mentions, 4);
    }
    if (hint != null && p.countryCode().equals(hint.countryCode()) && !p.key().equals(hint.key())) {
      score += COUNTRY_HINT;
      if (hint.precision() == Precision.REGION && p.admin1Key().equals(hint.key())) {
        score += REGION_HINT;
      }
    }
    if (s.regionCue() && p.precision() == Precision.REGION) {
      score += REGION_CUE;
    }
    return score;
  }

  /**
   * The larger place written next to span i: "Syria's Idlib" before it, or "Idlib, Syria" and
   * "Moscow, Idaho" after it.
   */
  private Optional<Place> container(int i) {
    Span s = spans.get(i);
    if (i > 0) {
      Span prev = spans.get(i - 1);
      if (doc.possessive(prev.last()) && doc.nextWordSkippingPossessive(prev.last()) == s.first()) {
        Optional<Place> c = namedCountry(prev);
        if (c.isPresent()) {
          return c;
        }
      }
    }
    if (i + 1 < spans.size()) {
      Span next = spans.get(i + 1);
      if (next.first() == s.last() + 1
          && doc.gapAfter(s.last()).trim().equals(",")
          && !next.demonym()) {
        return gazetteer.lookupNormalized(next.folded()).stream()
            .filter(p -> p.precision() != Precision.TOWN)
            .max(Comparator.comparingDouble(Gazetteer::prior));
      }
    }
    return Optional.empty();
  }

  /** The best candidate's share of exp(score) over all candidates. */
  private static double confidence(List<Candidate> ranked) {
    double best = ranked.get(0).score();
    double sum = 0;
    for (Candidate c : ranked) {
      sum += Math.exp(c.score() - best);
    }
    return Math.round(1000.0 / sum) / 1000.0;
  }
}
