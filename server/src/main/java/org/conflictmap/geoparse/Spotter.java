package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;

/**
 * Finds the stretches of a text that name places. At each capitalised word the longest gazetteer
 * name, demonym or short form ("U.S.", "Alexandria, Va.") is taken. People's names are found first
 * ({@link People}) and their words are not taken for small towns anywhere in the text; common
 * words, sentence openers and parts of street names are set aside.
 */
final class Spotter {
  private static final int MAX_NAME_WORDS = 6;

  private final Gazetteer gazetteer;
  private final Aliases aliases;
  private final Candidates candidates;
  private final Document doc;
  private People people;

  private Spotter(Gazetteer gazetteer, Aliases aliases, Candidates candidates, Document doc) {
    this.gazetteer = gazetteer;
    this.aliases = aliases;
    this.candidates = candidates;
    this.doc = doc;
  }

  static List<Span> spot(
      Gazetteer gazetteer, Aliases aliases, Candidates candidates, Document doc) {
    return new Spotter(gazetteer, aliases, candidates, doc).run();
  }

  private List<Span> run() {
    people = People.find(doc, candidates);
    List<Span> out = new ArrayList<>();
    int n = doc.size();
    int i = 0;
    while (i < n) {
      if (!doc.capitalized(i) && !aliases.mayStartWith(doc.firstChar(i))) {
        i++; // neither a name nor a short form starts with a small letter or a digit
        continue;
      }
      if (partyBeforeState(i)) {
        i++; // "D-N.Y.": the party's letter is no part of the state's short form
        continue;
      }
      Span s = matchAt(i);
      if (s != null && accept(s)) {
        s = withFeatureWords(s);
        out.add(s);
        i = s.last() + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- matching

  /** The longest name that starts at token i: a short form, a demonym or a gazetteer name. */
  private Span matchAt(int i) {
    Span alias = aliasAt(i);
    if (!doc.capitalized(i)) {
      return alias;
    }
    if (alias == null && surelyPerson(i)) {
      return null;
    }
    Span named = withDot(nameAt(i));
    if (alias == null) {
      return named;
    }
    return named != null && named.end() > alias.end() ? named : alias;
  }

  /**
   * Token i is part of a person's name, so that {@link #accept} would turn down any name found at
   * it: every one the gazetteer gives covers token i, and only a short form with its full stop
   * ("Tenn.", see {@link #withDot}) is taken whoever it might name. Asked before looking names up.
   */
  private boolean surelyPerson(int i) {
    int end = doc.end(i);
    return people.at(i) && (end >= doc.text.length() || doc.text.charAt(end) != '.');
  }

  /**
   * A name that ends in an abbreviation takes its full stop: "Loudon Co." and "Ill." are written
   * so, and "Ill." is Illinois by its short form even without a comma before it.
   */
  private Span withDot(Span s) {
    if (s == null || s.end() >= doc.text.length() || doc.text.charAt(s.end()) != '.') {
      return s;
    }
    String dotted = doc.text.substring(s.start(), s.end() + 1);
    Optional<Aliases.Alias> alias = aliases.exactly(dotted);
    if (alias.isPresent() && alias.get().use() == Aliases.Use.AP && s.first() == s.last()) {
      return new Span(
          s.first(),
          s.last(),
          s.start(),
          s.end() + 1,
          s.folded(),
          alias.get().place(),
          false,
          false,
          false);
    }
    if (doc.listed(s.last(), Lexicon.NAME_ABBREVIATIONS_AT_END)) {
      return new Span(
          s.first(),
          s.last(),
          s.start(),
          s.end() + 1,
          s.folded(),
          s.fixed(),
          s.demonym(),
          s.regionCue(),
          s.near());
    }
    return s;
  }

  private Span aliasAt(int i) {
    List<Aliases.Alias> forms = aliases.startingWith(doc, i);
    if (forms.isEmpty() && (doc.length(i) != 2 || !doc.allCaps(i))) {
      return null; // the common case: no form begins here and it is no postal code
    }
    Token t = doc.token(i);
    for (Aliases.Alias a : forms) {
      String form = a.form();
      int end = t.start() + form.length();
      if (!doc.text.startsWith(form, t.start()) || !boundaryAt(end, form)) {
        continue;
      }
      if (!a.unambiguous() && !afterComma(i) && !afterParty(i)) {
        continue;
      }
      int last = doc.tokenEndingBy(end, i);
      boolean demonym = a.use() == Aliases.Use.DEMONYM;
      return new Span(
          i, last, t.start(), end, Names.normalize(form), a.place(), demonym, false, false);
    }
    if (doc.length(i) == 2 && doc.allCaps(i) && afterComma(i) && boundaryAt(t.end(), "X")) {
      // "Springfield, IL": a postal code right after a town
      Optional<Place> state = aliases.postalCode(t.text());
      if (state.isPresent() && i > 0 && doc.capitalized(i - 1)) {
        return new Span(i, i, t.start(), t.end(), doc.lower(i), state.get(), false, false, false);
      }
    }
    return null;
  }

  /**
   * Token i is a party's letter joined by a hyphen to a state's short form, as US news writes a
   * legislator's party and state: "Sen. Byron Dorgan, D-N.D.", "Rep. Nick Rahall, D-W. Va.".
   */
  private boolean partyBeforeState(int i) {
    return i + 1 < doc.size() && doc.gapIs(i, "-") && partyLetter(i) && afterPartyComma(i);
  }

  /** Token i follows a party's letter and its hyphen ("N.D." in "D-N.D."). */
  private boolean afterParty(int i) {
    return i > 0 && doc.gapIs(i - 1, "-") && partyLetter(i - 1) && afterPartyComma(i - 1);
  }

  private boolean partyLetter(int i) {
    char c = doc.firstChar(i);
    return doc.length(i) == 1 && (c == 'D' || c == 'R' || c == 'I');
  }

  /** The party's letter follows a comma or an opening bracket. */
  private boolean afterPartyComma(int i) {
    int s = doc.token(i).start();
    if (s == 0) {
      return false;
    }
    char c = doc.text.charAt(s - 1);
    if (c == '(') {
      return true;
    }
    return c == ' ' && s >= 2 && doc.text.charAt(s - 2) == ',';
  }

  /**
   * A feature word after the name belongs to it ("Oakport Township", "Kanawha Valley", "DeSoto
   * Parish", "Tewksbury Twp."), and "Lake" before it ("Lake Hartwell"): the span covers the whole
   * name as written, while the place is still looked up by the name the gazetteer knows.
   */
  private Span withFeatureWords(Span s) {
    if (s.fixed() != null || s.demonym()) {
      return s;
    }
    int first = s.first();
    int start = s.start();
    if (first > 0 && doc.gapIs(first - 1, " ") && doc.token(first - 1).text().equals("Lake")) {
      first--;
      start = doc.token(first).start();
    }
    int last = s.last();
    int end = s.end();
    if (end == doc.token(last).end() && last + 1 < doc.size() && doc.gapIs(last, " ")) {
      String next = doc.token(last + 1).text();
      if (FEATURE_WORDS_AFTER.contains(next)) {
        last++;
        end = doc.token(last).end();
      } else if (next.equals("Twp") && doc.text.startsWith(".", doc.token(last + 1).end())) {
        last++;
        end = doc.token(last).end() + 1;
      }
    }
    if (first == s.first() && last == s.last()) {
      return s;
    }
    return new Span(
        first, last, start, end, s.folded(), s.fixed(), s.demonym(), s.regionCue(), s.near());
  }

  /** Capitalised feature words that end a place's name as it is written. */
  private static final Set<String> FEATURE_WORDS_AFTER =
      Set.of("Township", "Valley", "River", "Islands", "Parish", "Colony");

  /** A form ending in a letter must not run on into a longer word ("US" in "USB"). */
  private boolean boundaryAt(int end, String form) {
    if (end > doc.text.length()) {
      return false;
    }
    char last = form.charAt(form.length() - 1);
    return last == '.'
        || end == doc.text.length()
        || !Character.isLetterOrDigit(doc.text.charAt(end));
  }

  /** Token i follows a comma and a capitalised word: "Alexandria, Va." */
  private boolean afterComma(int i) {
    return i > 0 && doc.gapIsComma(i - 1) && doc.capitalized(i - 1);
  }

  private Span nameAt(int i) {
    int[] ends = new int[MAX_NAME_WORDS];
    int count = 0;
    ends[count++] = i;
    int e = i;
    int n = doc.size();
    while (count < MAX_NAME_WORDS && e + 1 < n && joins(e)) {
      if (doc.capitalized(e + 1)) {
        e = e + 1;
        ends[count++] = e;
      } else {
        // one or two particles before the next capitalised word: "Rio de Janeiro", "Democratic
        // Republic of the Congo"
        int c = e + 1;
        while (c < n && c - e <= 2 && doc.listedAsWritten(c, Lexicon.CONNECTORS) && joins(c)) {
          c++;
        }
        if (c == e + 1 || c >= n || !doc.capitalized(c)) {
          break;
        }
        e = c;
        ends[count++] = e;
      }
    }
    Token first = doc.token(i);
    for (int k = count - 1; k > 0; k--) {
      int last = ends[k];
      if (!mayName(i, last)) {
        continue; // no place, no people and no "not a place" bears this name: nothing to decide
      }
      String folded = doc.folded(i, last);
      Optional<Place> people = gazetteer.demonymNormalized(folded);
      if (people.isPresent()) {
        return new Span(
            i,
            last,
            first.start(),
            doc.token(last).end(),
            folded,
            people.get(),
            true,
            false,
            false);
      }
      if (WordLists.NOT_PLACE_NAMES.contains(folded)) {
        return null; // "La Niña": neither the whole nor a part is a place
      }
      if (WordLists.NOT_PLACES.contains(folded)) {
        continue;
      }
      if (cityOfInstitution(last)) {
        continue; // "Dublin City Council" is Dublin's council, not a place called Dublin City
      }
      if (candidates.contains(folded)) {
        return new Span(
            i,
            last,
            first.start(),
            doc.token(last).end(),
            folded,
            null,
            false,
            regionCue(doc, i, last),
            near(doc, i));
      }
    }
    if (!plausibleWord(i)) {
      return null;
    }
    Span single = singleWordAt(i);
    // whether a sentence opener is a common word is asked last: it looks at the whole text
    return single != null && !openerInLowerCase(i) ? single : null;
  }

  /**
   * False if tokens i..last certainly name no place or people and are none of {@link
   * WordLists#NOT_PLACE_NAMES}, told by the hash of their folded form alone.
   */
  private boolean mayName(int i, int last) {
    long h = doc.foldedHash(i, last);
    if (h == Document.NO_HASH) {
      return true;
    }
    int hash = (int) h;
    if (gazetteer.mayNameHash(hash)) {
      return true;
    }
    for (int known : NOT_PLACE_NAME_HASHES) {
      if (known == hash) {
        return true;
      }
    }
    return false;
  }

  private static final int[] NOT_PLACE_NAME_HASHES =
      WordLists.NOT_PLACE_NAMES.stream().mapToInt(String::hashCode).toArray();

  /** The place, or people, that token i alone names, if any. */
  private Span singleWordAt(int i) {
    if (surelyNoName(i)) {
      return null;
    }
    Token t = doc.token(i);
    // what a word names is the same in every text: asked once per word, kept with it
    Word word = doc.word(i);
    String folded = word.fold;
    Optional<Place> people = word.demonym(gazetteer);
    if (people.isPresent()) {
      return new Span(i, i, t.start(), t.end(), folded, people.get(), true, false, false);
    }
    Optional<Place> region = word.regionOfPeople(this::regionOfPeople);
    if (region.isPresent()) {
      return new Span(i, i, t.start(), t.end(), word.lower, region.get(), true, false, false);
    }
    if (word.named(gazetteer)) {
      return new Span(
          i, i, t.start(), t.end(), folded, null, false, regionCue(doc, i, i), near(doc, i));
    }
    return null;
  }

  /**
   * Token i is an ASCII word that the gazetteer's filter says is no place's name and no demonym,
   * from its hash, and its ending cannot name a region's people: most capitalised words, told
   * without looking the word up.
   */
  private boolean surelyNoName(int i) {
    if (!doc.ascii(i) || doc.lowerEndsWith(i, "an") || doc.lowerEndsWith(i, "ans")) {
      return false;
    }
    return !gazetteer.mayNameHash((int) doc.foldedHash(i, i));
  }

  /**
   * The state or province whose people a word names ("Ohioans", "Californian", "Texans",
   * "Ontarians"), found by undoing the usual English endings; null if none fits.
   */
  private Place regionOfPeople(String lower) {
    String w = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
    if (!w.endsWith("an") || w.length() < 5) {
      return null;
    }
    String stem = w.substring(0, w.length() - 2);
    String[] tries = {stem, stem + "a", stem + "o", stem + "as", stem + "e"};
    for (String t : tries) {
      for (Place p : candidates.of(t)) {
        if ("ADM1".equals(p.featureCode()) && Names.foldsTo(p.name(), t)) {
          return p;
        }
      }
    }
    if (stem.endsWith("i")) {
      String o = stem.substring(0, stem.length() - 1) + "io"; // Ontarian → Ontario
      for (Place p : candidates.of(o)) {
        if ("ADM1".equals(p.featureCode())) {
          return p;
        }
      }
    }
    return null;
  }

  /** Token i is "City" and a capitalised word follows: "Springfield City Schools". */
  private boolean cityOfInstitution(int i) {
    return doc.lowerIs(i, "city")
        && i + 1 < doc.size()
        && doc.gapIs(i, " ")
        && doc.capitalized(i + 1);
  }

  /** Words of one name are joined by a space, a hyphen, or "St. " and its like. */
  private boolean joins(int i) {
    if (doc.gapIs(i, " ") || doc.gapIs(i, "-") || doc.gapIs(i, "\u00A0")) {
      return true;
    }
    return doc.gapIs(i, ". ") && doc.listed(i, Lexicon.NAME_ABBREVIATIONS);
  }

  /** Token i can be a name by itself: no short or common word, no acronym. */
  private boolean plausibleWord(int i) {
    if (doc.length(i) < 2 || doc.listed(i, Lexicon.NOT_PLACES)) {
      return false;
    }
    // acronyms: UN, NATO, ISIS, MPs; the place acronyms are aliases
    return !(doc.allCaps(i) && doc.length(i) <= 4 || acronymPlural(doc.token(i).text()));
  }

  /** Token i opens a sentence and is a word the text also writes in lower case. */
  private boolean openerInLowerCase(int i) {
    return doc.sentenceInitial(i) && doc.seenInLowerCase(doc.lower(i));
  }

  private static boolean acronymPlural(String w) {
    if (w.length() < 3 || w.charAt(w.length() - 1) != 's') {
      return false;
    }
    for (int k = 0; k < w.length() - 1; k++) {
      if (!Character.isUpperCase(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- filters

  private boolean accept(Span s) {
    if (s.fixed() != null && !s.demonym()) {
      return true; // "U.S.", "W.Va.": never part of a person's name
    }
    for (int k = s.first(); k <= s.last(); k++) {
      if (people.at(k)) {
        return false;
      }
    }
    if (s.demonym()) {
      return true;
    }
    if (streetFollows(s.last()) && !regionOrCountry(s)) {
      return false; // "Dublin Road", "Lincoln Street"
    }
    if (s.first() == s.last()) {
      if (people.named(s.folded()) && !strong(s)) {
        return false; // "Kay" after "Jessica Kay", "Putin" after "Vladimir Putin"
      }
      if ((speaks(s.last()) || spokenOf(s.first())) && !speakingPlace(s.folded())) {
        return false; // "Smith told reporters": of places, only capitals speak ("Moscow said")
      }
      if (bareCountyOnly(s)) {
        return false;
      }
      if (afterSaintOrPrefix(s.first())) {
        return false; // "St. Patrick's Day", "O'Connor"
      }
      if (beforeUnknownName(s.last()) && onlySmallTowns(s.folded()) && !placeCue(s)) {
        return false; // "Kristina Szafraniec": a given name that is a town somewhere
      }
      if (doc.word(s.first()).english() && onlySmallTowns(s.folded()) && !placeCue(s)) {
        return false; // "Spring", "Hope", "Pack": words first, small towns second
      }
      if (afterUnknownName(s.first()) && !strong(s)) {
        return false; // "Kenny Davis", "Giant Eagle": the end of a name that is not a place
      }
      if (onlyMinorFeatures(s.folded()) && !placeCue(s)) {
        return false; // "Wilkinson met": a full GeoNames import names streams and hills so too
      }
    }
    return true;
  }

  /**
   * Only GeoNames features that are neither towns, administrative areas nor well-known areas bear
   * this name: streams, hills, farms. A full GeoNames import has millions of them, named like
   * people and things; the text must put something at one before it is read as a place.
   */
  private boolean onlyMinorFeatures(String folded) {
    return placesAre(folded, NameFacts.ONLY_MINOR_FEATURES);
  }

  // ---------------------------------------------------------------- what a name's places are

  /** Whether the places of a name have all of the fact bits {@code facts}. */
  private boolean placesAre(String folded, int facts) {
    return (candidates.facts(folded, NameFacts::of) & facts) == facts;
  }

  private boolean regionOrCountry(Span s) {
    return placesAre(s.folded(), NameFacts.COUNTRY_OR_REGION);
  }

  /** A country or region, or a name the text puts somewhere ("in Kay"): a place after all. */
  private boolean strong(Span s) {
    if (s.first() > 0 && doc.listed(s.first() - 1, Lexicon.LOCATIVES)) {
      return true;
    }
    return placesAre(s.folded(), NameFacts.STRONG);
  }

  private boolean streetFollows(int last) {
    return last + 1 < doc.size()
        && doc.gapIs(last, " ")
        && doc.capitalized(last + 1)
        && doc.listed(last + 1, Lexicon.STREET_WORDS);
  }

  /** The word after token i is a reporting verb ("said", "told"). */
  private boolean speaks(int i) {
    return i + 1 < doc.size() && doc.gapIs(i, " ") && doc.listed(i + 1, Lexicon.REPORTING_VERBS);
  }

  /** Only towns below a size that everyone knows bear this name, or counties. */
  private boolean onlySmallTowns(String folded) {
    return placesAre(folded, NameFacts.ONLY_SMALL_TOWNS);
  }

  /** The text puts something at the name ("in Hope", "from Spring") or gives its state. */
  private boolean placeCue(Span s) {
    if (s.first() > 0) {
      int prev = s.first() - 1;
      if (doc.listed(prev, Lexicon.LOCATIVES)
          || doc.lowerIs(prev, "from")
          || doc.lowerIs(prev, "to")) {
        return true;
      }
      // "the town of Sake": the text says it is a settlement
      if (prev >= 1
          && doc.lowerIs(prev, "of")
          && (doc.lowerIs(prev - 1, "town")
              || doc.lowerIs(prev - 1, "village")
              || doc.lowerIs(prev - 1, "city")
              || doc.lowerIs(prev - 1, "hamlet"))) {
        return true;
      }
    }
    int next = s.last() + 1;
    if (next < doc.size() && doc.gapIs(s.last(), ", ")) {
      return aliasAt(next) != null || regionOrCountryName(doc.lower(next));
    }
    return false;
  }

  private boolean regionOrCountryName(String folded) {
    return placesAre(folded, NameFacts.COUNTRY_OR_REGION);
  }

  /** The word before token i is a reporting verb: "said Harper". */
  private boolean spokenOf(int i) {
    if (i == 0 || !doc.gapIs(i - 1, " ") || !doc.listed(i - 1, Lexicon.REPORTING_VERBS)) {
      return false;
    }
    // "said Harper." or "said Shelley Szafraniec", not "said Richmond police"
    return i + 1 >= doc.size() || !doc.gapIs(i, " ") || doc.capitalized(i + 1);
  }

  /** Countries, first-level regions, capitals and large cities speak in the news. */
  private boolean speakingPlace(String folded) {
    return placesAre(folded, NameFacts.SPEAKING);
  }

  /** Token i follows "St." or "Saint" (a saint's name), or "O'" and its like (a surname). */
  private boolean afterSaintOrPrefix(int i) {
    if (i == 0) {
      return false;
    }
    if ((doc.lowerIs(i - 1, "st") && doc.gapIs(i - 1, ". "))
        || (doc.lowerIs(i - 1, "saint") && doc.gapIs(i - 1, " "))) {
      return true;
    }
    Token before = doc.token(i - 1);
    return before.text().length() == 1
        && doc.token(i).start() - before.end() == 1
        && Document.isApostrophe(doc.text.charAt(before.end()));
  }

  /**
   * Token i is followed, in the same name, by a capitalised word that is neither a place, nor a
   * common word, nor a title: most often a surname.
   */
  private boolean beforeUnknownName(int i) {
    if (i + 1 >= doc.size() || !doc.gapIs(i, " ")) {
      return false;
    }
    if (!(doc.capitalized(i + 1)
        && doc.cased(i + 1)
        && !doc.allCaps(i + 1)
        && doc.length(i + 1) > 1
        && !doc.listed(i + 1, Lexicon.NOT_PLACES | Lexicon.PLACE_WORDS | Lexicon.STREET_WORDS))) {
      return false; // told by the text and the lexicon, before the word is looked up
    }
    Word next = doc.word(i + 1);
    return !next.english()
        && !namedInLowerCase(next)
        && next.demonym(gazetteer).isEmpty()
        && aliasAt(i + 1) == null;
  }

  /**
   * Token i follows, in the same name, a capitalised word that is no place, no title and no common
   * word: a given name ("Kenny Davis") or the first word of a firm ("Giant Eagle").
   */
  private boolean afterUnknownName(int i) {
    if (i == 0 || !doc.gapIs(i - 1, " ")) {
      return false;
    }
    if (!(doc.capitalized(i - 1)
        && doc.cased(i - 1)
        && !doc.allCaps(i - 1)
        && doc.length(i - 1) > 1
        && !doc.listed(i - 1, Lexicon.NOT_PLACES | Lexicon.TITLES | Lexicon.PLACE_WORDS))) {
      return false;
    }
    Word prev = doc.word(i - 1);
    return !namedInLowerCase(prev) && prev.demonym(gazetteer).isEmpty();
  }

  /**
   * Whether a place bears the word's lower case as its index form: its fold, for an ASCII word
   * (where the two are one string), which the word keeps the answer for.
   */
  private boolean namedInLowerCase(Word w) {
    return w.lower == w.fold ? w.named(gazetteer) : candidates.contains(w.lower);
  }

  /**
   * Only counties bear this name, and only in their short form ("Jones" for Jones County): in news
   * that is a person, unless a list of counties follows ("Laurel and Knox counties"). A county
   * known by another name altogether ("Powys" for GeoNames' "Sir Powys") is not a short form.
   */
  private boolean bareCountyOnly(Span s) {
    if (!placesAre(s.folded(), NameFacts.COUNTY_SHORT_FORM_ONLY)) {
      return false;
    }
    for (int k = s.last() + 1; k < Math.min(doc.size(), s.last() + 6); k++) {
      if (doc.lowerIs(k, "counties") || doc.lowerIs(k, "parishes")) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- cues

  /** A word after the name ("Idlib province") or before it ("the province of Idlib"). */
  static boolean regionCue(Document doc, int a, int b) {
    int after = doc.nextWordSkippingPossessive(b);
    if (after < doc.size()
        && doc.listed(after, Lexicon.REGION_AFTER)
        && doc.gapIsBlank(after - 1)) {
      return true;
    }
    return a >= 2 && doc.lowerIs(a - 1, "of") && doc.listed(a - 2, Lexicon.REGION_BEFORE_OF);
  }

  /** "near Moscow", "north of Hama", "close to Idlib". */
  static boolean near(Document doc, int a) {
    if (a < 1) {
      return false;
    }
    if (doc.listed(a - 1, Lexicon.NEAR_BEFORE)) {
      return true;
    }
    if (a >= 2) {
      return (doc.lowerIs(a - 1, "of")
              && (doc.listed(a - 2, Lexicon.DIRECTIONS) || doc.lowerIs(a - 2, "outskirts")))
          || (doc.lowerIs(a - 1, "to") && doc.lowerIs(a - 2, "close"));
    }
    return false;
  }
}
