package org.conflictmap.geoparse;

import java.util.HashSet;
import java.util.Set;

/**
 * The words of a text that name people: capitalised words after a title ("President Vladimir
 * Putin"), a lower-case role ("coach Ripley"), a given name ("Bill Wilkinson"), around an initial
 * ("John F. Kennedy") or before an age ("Flores, 26,"). A word once used in a person's name is
 * remembered for the whole text, so "Flores" later on is not read as a town.
 */
final class People {
  private final Document doc;
  private final Candidates candidates;
  private final boolean[] person;
  private final Set<String> personWords = new HashSet<>();

  private People(Document doc, Candidates candidates) {
    this.doc = doc;
    this.candidates = candidates;
    this.person = new boolean[doc.size()];
  }

  /** The people of a text; {@code candidates} tells a given name from a place ("Jordan Valley"). */
  static People find(Document doc, Candidates candidates) {
    People p = new People(doc, candidates);
    p.mark();
    return p;
  }

  /** Whether token i is part of a person's name. */
  boolean at(int i) {
    return person[i];
  }

  /** Whether a folded word was used in a person's name anywhere in the text. */
  boolean named(String folded) {
    return personWords.contains(folded);
  }

  private void mark() {
    int n = doc.size();
    for (int i = 0; i < n; i++) {
      if (doc.startsLowerCase(i)) {
        // the cheap tests first: most lower-case words are followed by another one
        if (i + 1 < n
            && doc.capitalized(i + 1)
            && doc.gapIs(i, " ")
            && doc.listedAsWritten(i, Lexicon.ROLES_BEFORE_NAMES)
            && personable(i + 1)) {
          markName(i + 1); // "coach Ripley", "son Joshua"
        }
        continue;
      }
      if (!doc.capitalized(i) || !doc.cased(i)) {
        continue;
      }
      if (doc.listed(i, Lexicon.TITLES) && titleJoins(i)) {
        int j = i + 1;
        while (j < n && doc.listed(j, Lexicon.TITLES) && titleJoins(j)) {
          j++;
        }
        markName(j);
      } else if (doc.listed(i, Lexicon.FIRST_NAMES)
          && !doc.allCaps(i)
          && !afterPlacePrefix(i)
          && i + 1 < n
          && doc.gapIs(i, " ")
          && nameGoesOnAt(i + 1)
          && !candidates.containsRun(doc, i, i + 1)) {
        person[i] = true; // "Bill Wilkinson": a given name that is also a common word
        personWords.add(doc.foldOnce(i));
        markName(i + 1);
      } else if (agedAfter(i) && personable(i)) {
        // "Flores, 26, had just left the Army": a person, and so is Flores elsewhere
        int a = i;
        while (a > 0 && doc.gapIs(a - 1, " ") && personable(a - 1)) {
          a--;
        }
        markName(a);
      } else if (isInitial(i) && i + 1 < n && personable(i + 1)) {
        // "John F. Kennedy", "J. Smith"
        if (i > 0 && doc.gapIs(i - 1, " ") && personable(i - 1)) {
          markName(i - 1);
        }
        markName(i + 1);
      }
    }
  }

  /**
   * Token i follows a word that starts place names ("St. Clair", "Lake Charles", "Fort William"):
   * there a given name is part of the place's name, not a person's.
   */
  private boolean afterPlacePrefix(int i) {
    return i > 0
        && (doc.gapIs(i - 1, " ") || doc.gapIs(i - 1, ". "))
        && doc.listed(i - 1, Lexicon.PLACE_PREFIXES | Lexicon.NAME_ABBREVIATIONS);
  }

  /** Token i is followed by an age between commas: "Flores, 26,". */
  private boolean agedAfter(int i) {
    if (i + 1 >= doc.size() || !doc.gapIs(i, ", ")) {
      return false;
    }
    String age = doc.token(i + 1).text();
    if (age.isEmpty() || age.length() > 3) {
      return false;
    }
    for (int k = 0; k < age.length(); k++) {
      if (!Character.isDigit(age.charAt(k))) {
        return false;
      }
    }
    // tokens are maximal runs of word characters, so a gap is never empty
    return i + 2 < doc.size() && doc.text.charAt(doc.token(i + 1).end()) == ',';
  }

  /** A title ("Gov.", "President") followed directly by a word. */
  private boolean titleJoins(int i) {
    return i + 1 < doc.size() && (doc.gapIs(i, " ") || doc.gapIs(i, ". "));
  }

  /** A single capital with a full stop, then a space: an initial. */
  private boolean isInitial(int i) {
    return doc.length(i) == 1 && Character.isUpperCase(doc.firstChar(i)) && doc.gapIs(i, ". ");
  }

  /** Whether token i can be part of a person's name: capitalised, not a generic or place word. */
  private boolean personable(int i) {
    return doc.capitalized(i)
        && doc.cased(i)
        && !doc.allCaps(i)
        && !doc.listed(
            i,
            Lexicon.NOT_PLACES
                | Lexicon.PLACE_WORDS
                | Lexicon.TITLES
                | Lexicon.NAME_ABBREVIATIONS_AT_END);
  }

  /** Marks the run of name words that starts at token i, through initials and particles. */
  private void markName(int i) {
    int n = doc.size();
    int j = i;
    while (j < n && (personable(j) || isInitial(j) || particleBeforeName(j))) {
      person[j] = true;
      personWords.add(doc.foldOnce(j));
      if (!(doc.gapIs(j, " ") || doc.gapIs(j, "-") || isInitial(j) && doc.gapIs(j, ". "))) {
        break;
      }
      j++;
    }
  }

  /** Token i starts the rest of a person's name: a name word, or a particle before one. */
  private boolean nameGoesOnAt(int i) {
    return personable(i) || particleBeforeName(i);
  }

  /**
   * Token i is a lower-case surname particle followed, after at most one more, by a name word:
   * "Mike de Kock", "Ludwig van Beethoven", "Juan de la Cruz".
   */
  private boolean particleBeforeName(int i) {
    int n = doc.size();
    int j = i;
    while (j < n && j - i < 2 && doc.listedAsWritten(j, Lexicon.SURNAME_PARTICLES)) {
      if (!doc.gapIs(j, " ")) {
        return false;
      }
      j++;
    }
    return j > i && j < n && personable(j);
  }
}
