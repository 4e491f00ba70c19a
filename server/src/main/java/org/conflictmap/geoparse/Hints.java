package org.conflictmap.geoparse;

import java.util.List;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * What a text writes next to a name that says which place it is: a larger place beside it ("Syria's
 * Idlib", "Alexandria, Va."), words only a town's local news writes ("Lebanon police", "508
 * Cumberland St., Lebanon"), or "border" after it. The resolver weighs what these say.
 */
final class Hints {
  private final Weights w;
  private final Document doc;
  private final List<Span> spans;

  Hints(Weights w, Document doc, List<Span> spans) {
    this.w = w;
    this.doc = doc;
    this.spans = spans;
  }

  /** "Border" follows the name ("the Mexico border"): a state's or a country's, never a town's. */
  boolean borderAfter(Span s) {
    int after = s.last() + 1;
    return after < doc.size()
        && doc.gapIsBlank(s.last())
        && doc.lowerIs(after, "border")
        && doc.token(s.last()).end() == s.end();
  }

  /**
   * A word after the name that only a town's news writes so ("a Jordan resident", "Lebanon police",
   * "the Jordan middle school"), or a street address before it: of a country, the news writes its
   * people ("Jordanian police") and gives no street, so a country reading gives way to a town of
   * that name.
   */
  boolean localCue(Span s) {
    if (s.fixed() != null || s.demonym()) {
      return false;
    }
    if (s.first() > 0 && (doc.gapIs(s.first() - 1, "-") || doc.gapIs(s.first() - 1, "–"))) {
      return false; // part of a compound: the "NATO-Russia Council" is no town's council
    }
    if (afterStreetAddress(s.first())) {
      return true;
    }
    int after = doc.nextWordSkippingPossessive(s.last());
    if (after >= doc.size() || after != s.last() + 1 || !doc.gapIsBlank(s.last())) {
      return false;
    }
    return doc.listed(after, Lexicon.LOCAL_AFTER);
  }

  /** Token i follows a street address: "508 Cumberland St., Lebanon", "Main Street, Jordan". */
  private boolean afterStreetAddress(int i) {
    int before = i - 1;
    return before >= 0
        && (doc.gapIs(before, ", ") || doc.gapIs(before, "., "))
        && doc.capitalized(before)
        && doc.listed(before, Lexicon.STREET_WORDS);
  }

  /**
   * The larger place written next to span i: "Syria's Idlib" before it, or "Idlib, Syria" and
   * "Alexandria, Va." after it.
   */
  Place container(int i, Candidates candidates) {
    Span s = spans.get(i);
    if (i > 0) {
      Span prev = spans.get(i - 1);
      if (doc.possessive(prev.last()) && doc.nextWordSkippingPossessive(prev.last()) == s.first()) {
        Place c = largest(prev, candidates);
        if (c != null && c.precision() != Precision.TOWN) {
          return c;
        }
      }
    }
    if (i + 1 < spans.size()) {
      Span next = spans.get(i + 1);
      if (next.first() == s.last() + 1 && doc.gapIsComma(s.last()) && !next.demonym()) {
        Place c = largest(next, candidates);
        if (c != null && c.precision() != Precision.TOWN) {
          return c;
        }
      }
    }
    return null;
  }

  /** The best bare reading of a span among its non-town candidates, or its fixed place. */
  private Place largest(Span s, Candidates candidates) {
    if (s.fixed() != null) {
      return s.demonym() ? null : s.fixed();
    }
    Place best = null;
    double bestPrior = 0;
    for (Place p : candidates.of(s.folded())) {
      if (p.precision() != Precision.TOWN) {
        double prior = Ranked.prior(p, w);
        if (best == null || prior > bestPrior) {
          best = p;
          bestPrior = prior;
        }
      }
    }
    return best;
  }
}
