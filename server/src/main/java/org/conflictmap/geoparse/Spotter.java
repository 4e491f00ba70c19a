package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * Finds the stretches of a text that name places. Capitalised runs of words are matched against the
 * gazetteer, longest name first; runs that read as a person's name ("President Vladimir Putin",
 * "Hassan Rouhani") give up their town matches, and those names are not taken for places anywhere
 * else in the text either.
 */
final class Spotter {
  private static final int MAX_NAME_WORDS = 6;

  /**
   * Towns smaller than this do not "say" things in news; a name before "said" is then a person's.
   */
  private static final long SPEAKING_TOWN_POPULATION = 100_000;

  private final Gazetteer gazetteer;
  private final Document doc;
  private final Set<String> personWords = new HashSet<>();

  private Spotter(Gazetteer gazetteer, Document doc) {
    this.gazetteer = gazetteer;
    this.doc = doc;
  }

  static List<Span> spot(Gazetteer gazetteer, Document doc) {
    return new Spotter(gazetteer, doc).run();
  }

  /** What a token of a capitalised run turned out to be. */
  private enum Role {
    COUNTRY,
    LOCAL,
    DEMONYM,
    TITLE,
    STOP,
    NAME
  }

  private List<Span> run() {
    List<int[]> runs = capitalisedRuns();
    List<List<Span>> matched = new ArrayList<>(runs.size());
    for (int[] run : runs) {
      matched.add(matchRun(run[0], run[1]));
    }
    List<Span> out = new ArrayList<>();
    for (List<Span> spans : matched) {
      for (Span s : spans) {
        if (!(s.first() == s.last() && personWords.contains(s.folded()) && !s.demonym())) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Maximal runs [first, end) of capitalised words, joined by single spaces, hyphens and name
   * particles.
   */
  private List<int[]> capitalisedRuns() {
    List<int[]> runs = new ArrayList<>();
    int n = doc.size();
    int i = 0;
    while (i < n) {
      if (!doc.token(i).capitalized()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && joins(j - 1)) {
        Token next = doc.token(j);
        if (next.capitalized()) {
          j++;
        } else if (WordLists.CONNECTORS.contains(next.text())
            && j + 1 < n
            && joins(j)
            && doc.token(j + 1).capitalized()) {
          j += 2;
        } else {
          break;
        }
      }
      runs.add(new int[] {i, j});
      i = j;
    }
    return runs;
  }

  private boolean joins(int i) {
    String gap = doc.gapAfter(i);
    return gap.equals(" ") || gap.equals("-") || gap.equals("\u00A0");
  }

  /**
   * Longest-first gazetteer matches inside one run, then the person-name test over the whole run.
   */
  private List<Span> matchRun(int first, int end) {
    Role[] roles = new Role[end - first];
    List<Span> spans = new ArrayList<>();
    int s = first;
    while (s < end) {
      Token t = doc.token(s);
      if (!t.capitalized() && WordLists.CONNECTORS.contains(t.text())) {
        roles[s - first] = Role.STOP;
        s++;
        continue;
      }
      Span found = null;
      for (int len = Math.min(MAX_NAME_WORDS, end - s); len >= 1 && found == null; len--) {
        found = matchAt(s, s + len - 1);
      }
      if (found == null) {
        String lower = t.lower();
        // only cased scripts mark names with capitals; an unknown Arabic word says nothing about
        // people
        roles[s - first] =
            WordLists.TITLES.contains(lower)
                ? Role.TITLE
                : WordLists.NOT_PLACES.contains(lower) || t.allCaps() || !t.cased()
                    ? Role.STOP
                    : Role.NAME;
        s++;
        continue;
      }
      Role role =
          found.demonym() ? Role.DEMONYM : namesCountry(found.folded()) ? Role.COUNTRY : Role.LOCAL;
      for (int k = found.first(); k <= found.last(); k++) {
        roles[k - first] = role;
      }
      spans.add(found);
      s = found.last() + 1;
    }
    return dropPersonNames(first, roles, spans);
  }

  /** A span from token a to token b (inclusive) if it names a place or a people, else null. */
  private Span matchAt(int a, int b) {
    Token first = doc.token(a);
    Token last = doc.token(b);
    if (!last.capitalized()) {
      return null;
    }
    String surface = doc.text.substring(first.start(), last.end());
    String folded = Names.normalize(surface);
    if (a == b && !plausibleSingleWord(a)) {
      return null;
    }
    if (a == b) {
      Optional<Place> country = gazetteer.demonym(surface);
      if (country.isPresent() && !gazetteer.containsNormalized(folded)) {
        return new Span(a, b, first.start(), last.end(), folded, country.get(), false, false);
      }
    }
    if (!gazetteer.containsNormalized(folded)) {
      return null;
    }
    if (a == b && speaks(b) && onlySmallTowns(folded)) {
      return null; // "Smith told reporters": people speak; of places, only capitals do ("Moscow
      // said")
    }
    return new Span(a, b, first.start(), last.end(), folded, null, regionCue(a, b), near(a));
  }

  private boolean plausibleSingleWord(int i) {
    Token t = doc.token(i);
    String lower = t.lower();
    if (t.text().length() < 2 || WordLists.NOT_PLACES.contains(lower)) {
      return false;
    }
    if (t.allCaps() && t.text().length() <= 4) {
      return false; // acronyms: UN, EU, NATO, ISIS
    }
    return !(doc.sentenceInitial(i) && doc.seenInLowerCase(lower));
  }

  /** The word after token i is a reporting verb ("said", "told"). */
  private boolean speaks(int i) {
    return i + 1 < doc.size()
        && doc.gapAfter(i).equals(" ")
        && WordLists.REPORTING_VERBS.contains(doc.token(i + 1).lower());
  }

  private boolean onlySmallTowns(String folded) {
    return gazetteer.lookupNormalized(folded).stream()
        .allMatch(
            p ->
                // counties are named after people: "Smith said" is no more Smith County, Texas
                "ADM2".equals(p.featureCode())
                    || p.precision() == Precision.TOWN
                        && p.population() < SPEAKING_TOWN_POPULATION);
  }

  private boolean namesCountry(String folded) {
    return gazetteer.lookupNormalized(folded).stream()
        .anyMatch(p -> p.precision() == Precision.COUNTRY);
  }

  private boolean regionCue(int a, int b) {
    int after = doc.nextWordSkippingPossessive(b);
    if (after < doc.size()
        && WordLists.REGION_AFTER.contains(doc.token(after).lower())
        && doc.gapAfter(after - 1).isBlank()) {
      return true;
    }
    return a >= 2
        && doc.token(a - 1).lower().equals("of")
        && WordLists.REGION_BEFORE_OF.contains(doc.token(a - 2).lower());
  }

  private boolean near(int a) {
    if (a < 1) {
      return false;
    }
    String prev = doc.token(a - 1).lower();
    if (WordLists.NEAR_BEFORE.contains(prev)) {
      return true;
    }
    if (a >= 2) {
      String prev2 = doc.token(a - 2).lower();
      return (prev.equals("of")
              && (WordLists.DIRECTIONS.contains(prev2) || prev2.equals("outskirts")))
          || (prev.equals("to") && prev2.equals("close"));
    }
    return false;
  }

  /**
   * Names of people read like unknown capitalised words next to towns ("Hassan Rouhani", "Vladimir
   * Putin") or follow a title. Such stretches keep their country matches but lose their town and
   * region matches, and their words are remembered so that "Putin said" later in the text is not
   * taken for a town either.
   */
  private List<Span> dropPersonNames(int first, Role[] roles, List<Span> spans) {
    List<Span> kept = new ArrayList<>(spans);
    int i = 0;
    while (i < roles.length) {
      if (roles[i] != Role.NAME && roles[i] != Role.LOCAL) {
        i++;
        continue;
      }
      int j = i;
      boolean unknown = false;
      while (j < roles.length && (roles[j] == Role.NAME || roles[j] == Role.LOCAL)) {
        unknown |= roles[j] == Role.NAME;
        j++;
      }
      boolean titled = i > 0 && roles[i - 1] == Role.TITLE || i == 0 && titleBefore(first);
      if (unknown && (j - i >= 2 || titled) || titled) {
        int a = first + i;
        int b = first + j - 1;
        for (int k = a; k <= b; k++) {
          personWords.add(Names.normalize(doc.token(k).text()));
        }
        kept.removeIf(sp -> sp.first() >= a && sp.last() <= b && !sp.demonym());
      }
      i = j;
    }
    return kept;
  }

  private boolean titleBefore(int first) {
    return first > 0
        && WordLists.TITLES.contains(doc.token(first - 1).lower())
        && doc.gapAfter(first - 1).equals(" ");
  }
}
