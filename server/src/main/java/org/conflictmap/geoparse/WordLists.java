package org.conflictmap.geoparse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The small closed word lists the parser leans on. Kept here so the rules read as a table. */
final class WordLists {
  /**
   * Capitalised words that are not places in news (months, titles, institutions, function words).
   */
  static final Set<String> NOT_PLACES = load("not-places.txt");

  /**
   * Common lower-case English words (SCOWL's small list): a small town that bears one ("Hope",
   * "Spring", "Pack") needs a sign from the text before it is read as the town.
   */
  static final Set<String> ENGLISH_WORDS = loadGzipped("english-words.txt.gz");

  /** Names of several words that are, in the news, not the places that bear them. */
  static final Set<String> NOT_PLACE_NAMES =
      Set.of("white house", "notre dame", "el nino", "la nina", "wal mart");

  /** Given names: one before a capitalised word starts a person's name ("Jessica Kay"). */
  static final Set<String> FIRST_NAMES = load("first-names.txt");

  /** Words that make a name a place's, so they are never part of a person's name. */
  static final Set<String> PLACE_WORDS =
      Set.of(
          "county",
          "parish",
          "city",
          "township",
          "borough",
          "village",
          "town",
          "river",
          "lake",
          "mountain",
          "mountains",
          "island",
          "islands",
          "valley",
          "bay",
          "beach",
          "heights",
          "springs",
          "falls",
          "province",
          "region",
          "district",
          "state");

  /** Words after a name that make it part of a street's name ("Dublin Road"). */
  static final Set<String> STREET_WORDS =
      Set.of(
          "street",
          "st",
          "road",
          "rd",
          "avenue",
          "ave",
          "drive",
          "dr",
          "lane",
          "ln",
          "boulevard",
          "blvd",
          "highway",
          "hwy",
          "parkway",
          "pkwy",
          "pike",
          "turnpike",
          "trail",
          "court",
          "ct",
          "circle",
          "terrace",
          "way",
          "alley",
          "expressway",
          "freeway",
          // natural features and occasions named after a place or a person
          "creek",
          "river",
          "lake",
          "mountain",
          "hills",
          "park",
          "day",
          "dinner",
          "club");

  /** Prepositions that put something at a place ("in Kay", "at Shiloh"). */
  static final Set<String> LOCATIVES =
      Set.of("in", "at", "near", "outside", "across", "throughout", "toward", "towards", "into");

  /** Abbreviations that end place names with a full stop ("Loudon Co.", "Hamilton Twp."). */
  static final Set<String> NAME_ABBREVIATIONS_AT_END = Set.of("co", "twp", "cty", "is", "isl");

  /** Abbreviations that stand inside place names before a full stop ("St. Louis", "Ft. Worth"). */
  static final Set<String> NAME_ABBREVIATIONS = Set.of("st", "ste", "ft", "mt", "pt");

  /**
   * Titles: what follows them is a person's name, not a town that shares it ("President Vladimir
   * Putin").
   */
  static final Set<String> TITLES =
      words(
          "president",
          "minister",
          "premier",
          "chancellor",
          "king",
          "queen",
          "prince",
          "princess",
          "sheikh",
          "emir",
          "sultan",
          "general",
          "gen",
          "colonel",
          "col",
          "major",
          "maj",
          "captain",
          "capt",
          "lieutenant",
          "lt",
          "sergeant",
          "sgt",
          "commander",
          "admiral",
          "marshal",
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "prof",
          "professor",
          "sir",
          "lord",
          "lady",
          "pope",
          "cardinal",
          "bishop",
          "imam",
          "ayatollah",
          "rabbi",
          "senator",
          "sen",
          "governor",
          "gov",
          "mayor",
          "judge",
          "justice",
          "ambassador",
          "envoy",
          "secretary",
          "spokesman",
          "spokeswoman",
          "chairman",
          "leader",
          "chief",
          "deputy",
          "foreign",
          "prime",
          "defence",
          "defense",
          "coach",
          "officer",
          "detective",
          "trooper",
          "sheriff",
          "pastor",
          "reverend",
          "rev",
          "attorney",
          "commissioner",
          "councilman",
          "councilwoman",
          "representative",
          "rep",
          "superintendent",
          "principal",
          "cpl",
          "sgt",
          "pfc",
          "spc",
          "agent",
          "director",
          "manager",
          "coordinator",
          "sister",
          "brother",
          "father",
          "mother",
          "uncle",
          "aunt",
          "grandmother",
          "grandfather");

  /**
   * Lower-case words for people's roles and kin that stand right before their names ("coach
   * Ripley", "spokesman Sid Gaulden", "son Joshua"). Adjectives that are also titles ("major",
   * "general", "chief") are left out: "a major Texas city".
   */
  static final Set<String> ROLES_BEFORE_NAMES =
      Set.of(
          "coach",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "officer",
          "detective",
          "trooper",
          "sheriff",
          "pastor",
          "attorney",
          "commissioner",
          "councilman",
          "councilwoman",
          "superintendent",
          "principal",
          "president",
          "senator",
          "governor",
          "mayor",
          "minister",
          "secretary",
          "chairman",
          "chairwoman",
          "director",
          "manager",
          "coordinator",
          "professor",
          "reporter",
          "writer",
          "photographer",
          "editor",
          "founder",
          "owner",
          "teacher",
          "lawyer",
          "defendant",
          "victim",
          "suspect",
          "wife",
          "husband",
          "son",
          "daughter",
          "brother",
          "sister",
          "mother",
          "father",
          "grandson",
          "granddaughter",
          "uncle",
          "aunt",
          "nephew",
          "niece",
          "cousin",
          "friend",
          "girlfriend",
          "boyfriend",
          "law",
          "actor",
          "actress",
          "singer",
          "player",
          "quarterback",
          "pitcher",
          "guard",
          "forward",
          "striker",
          "captain",
          "resident",
          "native",
          "student",
          "senior",
          "junior",
          "sophomore",
          "freshman",
          "graduate",
          "volunteer",
          "member",
          "employee",
          "worker",
          "partner",
          "candidate",
          "challenger",
          "incumbent");

  /** Verbs that follow the name of whoever speaks ("Smith said"). */
  static final Set<String> REPORTING_VERBS =
      Set.of(
          "said",
          "says",
          "told",
          "added",
          "stated",
          "claimed",
          "wrote",
          "tweeted",
          "argued",
          "asked",
          "denied",
          "insisted",
          "explained",
          "warned",
          "announced",
          "replied",
          "noted");

  /**
   * Lower-case particles that sit inside place names ("Jisr al-Shughur", "Deir ez-Zor", "Rio de
   * Janeiro", "Trinidad and Tobago"); the Arabic article is written in many assimilated forms (ad-,
   * ash-, ez-, et-, ...). A run joined by them is a name only if the gazetteer has it whole.
   */
  static final Set<String> CONNECTORS =
      Set.of(
          "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et", "ez", "ej",
          "adh", "ath", "ul", "ibn", "bin", "bani", "de", "del", "della", "di", "da", "do", "dos",
          "das", "du", "des", "la", "le", "les", "los", "las", "van", "von", "der", "den", "of",
          "upon", "on", "sur", "am", "im", "en", "y", "e", "and", "the");

  /** Words after a name that make it a first-level region ("Idlib province"). */
  static final Set<String> REGION_AFTER =
      Set.of(
          "province",
          "governorate",
          "region",
          "state",
          "oblast",
          "prefecture",
          "department",
          "canton",
          "emirate",
          "territory",
          "krai",
          "wilaya",
          "voivodeship",
          "countryside");

  /** Words after a name that a town's local news writes, and a country's news does not. */
  static final Set<String> LOCAL_AFTER =
      Set.of(
          "resident",
          "residents",
          "woman",
          "man",
          "police",
          "elementary",
          "middle",
          "school",
          "schools",
          "council",
          "mayor",
          "township",
          "juniors",
          "boys",
          "girls");

  /**
   * Words before "of" that make the following name a first-level region ("the province of Idlib").
   */
  static final Set<String> REGION_BEFORE_OF =
      Set.of("province", "governorate", "region", "state", "oblast");

  /** Words before a name that put an event near it rather than in it. */
  static final Set<String> NEAR_BEFORE =
      Set.of("near", "outside", "around", "nearby", "outskirts", "close");

  /** Compass words that, before "of", put an event near a place ("north of Hama"). */
  static final Set<String> DIRECTIONS = Compass.DIRECTIONS;

  private WordLists() {}

  /** A set of words; repeats are harmless, unlike in {@code Set.of}. */
  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  private static Set<String> loadGzipped(String resource) {
    InputStream in = WordLists.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing word list " + resource);
    }
    try {
      return read(new java.util.zip.GZIPInputStream(in), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> load(String resource) {
    return read(WordLists.class.getResourceAsStream(resource), resource);
  }

  private static Set<String> read(InputStream stream, String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = stream) {
      if (in == null) {
        throw new IllegalStateException("missing word list " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        String body = hash >= 0 ? line.substring(0, hash) : line;
        for (String w : body.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            words.add(w.toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
