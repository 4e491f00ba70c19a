package org.conflictmap.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.Compass;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.Sentence;

/**
 * Which places of a sentence are where something happened, and how precisely (ACLED geo-precision).
 *
 * <p>A place is an event's location when the text puts the event there: after a locative word ("in
 * Idlib", "near Moscow", "on the outskirts of Aleppo", "offensive against Idlib", "shelling hit
 * Homs"), possibly across modifiers ("in Syria's northwestern Idlib province", "in the town of
 * Saraqib"). A place that only qualifies another word ("the Sochi deal", "Ankara warns") or follows
 * a topic noun ("tensions in Idlib", "the situation in Idlib") is not. Countries alone are not
 * located events: ACLED locates an event at least to a first-level region.
 *
 * <p>Geo-precision: 1 a named town; 2 near a town ("near", "outskirts of", "10 km north of") or a
 * part of a region ("northern Idlib", "the Idlib countryside"); 3 a region only.
 */
public final class Where {
  /** A located place in a sentence. */
  public record Located(Mention mention, int geoPrecision) {}

  private static final Set<String> LOCATIVES =
      Set.of(
          "in",
          "at",
          "near",
          "outside",
          "around",
          "across",
          "throughout",
          "through",
          "between",
          "inside",
          "into",
          "on",
          "onto",
          "against",
          "toward",
          "towards",
          "to",
          "within",
          "nearby",
          "hit",
          "hits",
          "struck",
          "strikes",
          "shelled",
          "shelling",
          "bombed",
          "bombarded",
          "attacked",
          "targeted",
          "targeting",
          "raided",
          "stormed",
          "captured",
          "seized",
          "recaptured",
          "retook",
          "retaken",
          "took",
          "taking",
          "regained",
          "wrested",
          "overrun",
          "handed",
          "handing",
          "hand",
          "hands",
          "ceded",
          "entered",
          "besieged",
          "overran",
          "control",
          "visited",
          "rocked",
          "pounded");

  /** Words between a locative and the name: "in the town of", "on the outskirts of". */
  private static final Set<String> SKIP =
      Compass.union(
          Compass.POINTS,
          Compass.SIDES,
          Compass.UNITS,
          Set.of(
              "the",
              "a",
              "an",
              "of",
              "and",
              "or",
              "s",
              "over",
              "back",
              "town",
              "city",
              "village",
              "villages",
              "province",
              "provinces",
              "region",
              "governorate",
              "district",
              "districts",
              "area",
              "areas",
              "countryside",
              "centre",
              "center",
              "heart",
              "middle",
              "forest",
              "desert",
              "valley",
              "hills",
              "mountains",
              "outskirts",
              "suburb",
              "suburbs",
              "neighbourhood",
              "neighborhood",
              "capital",
              "port",
              "camp",
              "border",
              "rural",
              "central",
              "parts",
              "part",
              "strategic",
              "nearby",
              "besieged",
              "rebel-held",
              "opposition-held",
              "government-held",
              "regime-held",
              "key",
              "small",
              "northernmost",
              "southernmost"));

  /** Words that make a part of a region ("northern Idlib", "rural Aleppo"). */
  private static final Set<String> PART_OF =
      Compass.union(Compass.SIDES, Set.of("central", "rural", "parts", "part"));

  /** Nouns whose "in X" names a topic, not where something happened. */
  private static final Set<String> TOPIC =
      Set.of(
          "tensions",
          "tension",
          "situation",
          "tranquillity",
          "tranquility",
          "stability",
          "calm",
          "crisis",
          "concern",
          "concerns",
          "interests",
          "interest",
          "presence",
          "influence",
          "policy",
          "role",
          "future",
          "fate",
          "peace",
          "security",
          "war",
          "conflict",
          "involvement",
          "interference",
          "solution",
          "settlement",
          "ambassador",
          "envoy",
          "embassy",
          "elections");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*");

  private Where() {}

  /** The located places of a sentence, in text order. */
  public static List<Located> in(String body, Sentence sentence, List<Mention> mentions) {
    List<Located> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.kind() != Mention.Kind.TOPONYM
          || !sentence.contains(m.start())
          || m.precision() == Precision.COUNTRY) {
        continue;
      }
      Link link = link(body.substring(sentence.start(), m.start()));
      if (!link.located() && changesHands(body, m)) {
        link = new Link(true, false, false, false);
      }
      if (link.located() && !attributive(body, m)) {
        out.add(new Located(m, geoPrecision(m, link, body)));
      }
    }
    return out;
  }

  /**
   * @param partOfRegion a compass or "rural" word before the name ("northern Idlib")
   * @param centre "central" before the name: the heart of a town, or a part of a region
   */
  private record Link(boolean located, boolean partOfRegion, boolean near, boolean centre) {}

  private static final Link NONE = new Link(false, false, false, false);

  /** How many unlisted words an "of" phrase may hold: "residential districts of". */
  private static final int OF_PHRASE = 3;

  private static final Set<String> OF_FROM = Set.of("of", "from");

  /** Words of a distance before a direction: "some 20 km north of". */
  private static final Set<String> MEASURE =
      Compass.union(
          Compass.UNITS, Set.of("some", "about", "around", "roughly", "nearly", "a", "few"));

  /** People an "of" phrase may name, who are of a place rather than in it: "the governor of". */
  private static final Set<String> PEOPLE =
      Set.of(
          "governor",
          "mayor",
          "president",
          "leader",
          "leaders",
          "head",
          "chief",
          "people",
          "residents",
          "citizens",
          "natives",
          "native",
          "son",
          "daughter",
          "king",
          "bishop",
          "minister",
          "ministry",
          "university",
          "bank",
          "council",
          "capital",
          "name",
          "memory");

  /** Words that measure from a reference place: "south of", "20 km from". */
  private static final Set<String> DIRECTION = Compass.DIRECTIONS;

  /** Locatives that put an event beside a place rather than in it. */
  private static final Set<String> NEAR =
      Compass.union(
          Set.of("near", "outside", "around", "nearby", "outskirts", "between"),
          Compass.DIRECTIONS);

  /** Locatives of a destination. */
  private static final Set<String> TOWARDS = Set.of("to", "towards", "toward");

  /** Words of a journey before its destination. */
  private static final Set<String> TRAVEL =
      Set.of(
          "carrying",
          "travelling",
          "traveling",
          "heading",
          "headed",
          "bound",
          "driving",
          "route",
          "way",
          "road",
          "highway",
          "returning",
          "fleeing");

  /** How many words before a destination a journey word may stand: "carrying food from". */
  private static final int TRAVEL_WORDS = 4;

  private static boolean travelling(List<String> words, int to) {
    for (int k = to - 1; k >= 0 && k >= to - TRAVEL_WORDS; k--) {
      if (TRAVEL.contains(words.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** Walks back from the name over modifiers to the word that places it. */
  private static Link link(String before) {
    List<String> written = new ArrayList<>();
    Matcher w = WORD.matcher(before);
    while (w.find()) {
      written.add(w.group());
    }
    List<String> words = written.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
    boolean partOf = false;
    boolean possessiveSeen = false;
    boolean near = false;
    boolean centre = false;
    boolean direction = false;
    int skipped = 0;
    // "shelled residential districts of Kharkiv", "on a main street of Gaza City": a short noun
    // phrase joined by "of" to the name, after a locative
    int free = !words.isEmpty() && words.get(words.size() - 1).equals("of") ? OF_PHRASE : 0;
    for (int i = words.size() - 1; i >= 0 && skipped <= 8; i--) {
      String word = words.get(i);
      String original = written.get(i);
      if (NEAR.contains(word) && !possessiveSeen) {
        near = true;
      }
      if (Compass.POINTS.contains(word)
          && i + 1 < words.size()
          && OF_FROM.contains(words.get(i + 1))) {
        // "positions west of Marib": the direction places the event near the name, unless a name
        // stands before it ("Gharyan south of Tripoli" says only where Gharyan is)
        int k = i - 1;
        while (k >= 0
            && (MEASURE.contains(words.get(k))
                || words.get(k).chars().allMatch(Character::isDigit))) {
          k--;
        }
        boolean named =
            k >= 0
                && Character.isUpperCase(written.get(k).codePointAt(0))
                && !words.get(k).equals("s");
        return named ? NONE : new Link(true, false, true, false);
      }
      if (DIRECTION.contains(word)) {
        direction = true;
      } else if (direction
          && original != null
          && Character.isUpperCase(original.codePointAt(0))
          && !word.equals("s")) {
        // "Gharyan south of Tripoli": Tripoli only says where Gharyan is
        return NONE;
      }
      if (LOCATIVES.contains(word)) {
        boolean topic = i > 0 && TOPIC.contains(words.get(i - 1)) && isPreposition(word);
        // "a convoy carrying food to Djibo", "a bus travelling from Abuja to Kaduna": on the
        // way to the town, so near it
        boolean bound = TOWARDS.contains(word) && travelling(words, i);
        return topic ? NONE : new Link(true, partOf && !possessiveSeen, near || bound, centre);
      }
      if (word.equals("s")) {
        possessiveSeen = true;
      } else if (word.equals("central") && !possessiveSeen) {
        centre = true;
      } else if (PART_OF.contains(word) && !possessiveSeen) {
        partOf = true;
      } else if (!SKIP.contains(word)
          && !(original != null && Character.isUpperCase(original.codePointAt(0)))
          && !word.chars().allMatch(Character::isDigit)) {
        if (free > 0 && !TOPIC.contains(word) && !PEOPLE.contains(word)) {
          free--;
        } else {
          return NONE;
        }
      }
      skipped++;
    }
    return NONE;
  }

  /** A place as the subject of its own loss: "Kidal fell", "Gao was retaken". */
  private static final Pattern CHANGES_HANDS =
      Pattern.compile(
          "\\s+(?:(?:was|were|has been|had been|is)\\s+(?:re)?(?:captured|taken|seized|overrun"
              + "|handed (?:over|back)|lost)|(?:has |had )?(?:fell|fallen)\\s+(?!silent|quiet|still"
              + "|ill|asleep|apart|short|behind))");

  private static boolean changesHands(String body, Mention m) {
    Matcher c = CHANGES_HANDS.matcher(body);
    c.region(m.end(), Math.min(body.length(), m.end() + 40));
    return c.lookingAt();
  }

  /** Nouns a place name can qualify: "the Sochi deal", "the Astana format". */
  private static final Set<String> ATTRIBUTIVE_HEADS =
      Set.of(
          "deal",
          "agreement",
          "accord",
          "accords",
          "talks",
          "process",
          "format",
          "summit",
          "memorandum",
          "declaration",
          "framework",
          "model",
          "protocol",
          "understanding",
          "formula",
          "group",
          "platform",
          "meeting",
          "conference",
          "communique");

  /** The name qualifies the noun after it ("within Sochi deal"), so it locates nothing. */
  private static boolean attributive(String body, Mention m) {
    Matcher w = WORD.matcher(body);
    if (!w.find(m.end()) || !body.substring(m.end(), w.start()).equals(" ")) {
      return false;
    }
    return ATTRIBUTIVE_HEADS.contains(w.group());
  }

  private static boolean isPreposition(String word) {
    return word.length() <= 7 && !word.endsWith("ed") && Character.isLowerCase(word.charAt(0));
  }

  private static int geoPrecision(Mention m, Link link, String body) {
    if (m.precision() == Precision.TOWN) {
      // "near Aleppo", "northern Idlib": around the town, not in it
      return m.near() || link.near() || link.partOfRegion() ? 2 : 1;
    }
    String after = body.substring(m.end(), Math.min(body.length(), m.end() + 30));
    boolean countryside =
        after.matches("(?s)\\s*(?:province\\s+|governorate\\s+)?countryside\\b.*");
    return link.partOfRegion() || link.centre() || countryside || m.near() || link.near() ? 2 : 3;
  }
}
