package org.conflictmap.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.events.Actor;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * The actors a sentence names, as the text names them: armed groups by name ("Hayat Tahrir
 * al-Sham"), forces described by their role ("Russian-backed regime forces", "Syrian government
 * forces", "rebels"), office holders ("Russian President Vladimir Putin", "Turkey's Recep Tayyip
 * Erdogan") and states acting ("Turkey shelled…", "Turkey and Russia agreed…").
 *
 * <p>An actor's country is set only where the phrase says it: a demonym ("Syrian government forces"
 * → SY) or a country ("Turkey's …" → TR). "Russian-backed" names a backer, not the actor's own
 * country, so it sets none.
 */
public final class Actors {
  /** Named armed groups and movements that news text names without a role noun. */
  private static final List<String> NAMED =
      List.of(
          "Hayat Tahrir al-Sham",
          "HTS",
          "Islamic State",
          "ISIS",
          "ISIL",
          "Daesh",
          "al-Qaeda",
          "al-Shabaab",
          "Boko Haram",
          "Taliban",
          "Hezbollah",
          "Hamas",
          "Houthis",
          "Houthi rebels",
          "Wagner Group",
          "Syrian Democratic Forces",
          "SDF",
          "Free Syrian Army",
          "FSA",
          "YPG",
          "PKK",
          "National Liberation Front",
          "Syrian National Army",
          "Jaish al-Islam",
          "Ahrar al-Sham",
          "Rapid Support Forces",
          "RSF",
          "M23",
          "Allied Democratic Forces",
          "Kurdistan Workers' Party",
          "Jabhat al-Nusra",
          "Nusra Front",
          "al-Nusra");

  private static final Pattern NAMED_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}-])(?:"
              + String.join("|", NAMED.stream().map(Pattern::quote).toList())
              + ")(?![\\p{L}-])");

  /** Nouns that head an actor phrase. */
  private static final Set<String> HEADS =
      Set.of(
          "forces",
          "troops",
          "army",
          "soldiers",
          "military",
          "militants",
          "rebels",
          "fighters",
          "insurgents",
          "jihadists",
          "extremists",
          "gunmen",
          "militia",
          "militias",
          "militiamen",
          "police",
          "policemen",
          "protesters",
          "demonstrators",
          "rioters",
          "regime",
          "government",
          "coalition",
          "warplanes",
          "jets",
          "aircraft",
          "drones",
          "civilians",
          "villagers",
          "residents",
          "settlers",
          "mob",
          "attackers",
          "assailants",
          "guerrillas",
          "paramilitaries",
          "opposition");

  /** Lower-case words that may qualify a head: "regime forces", "pro-government militias". */
  private static final Set<String> MODIFIERS =
      Set.of(
          "government",
          "regime",
          "opposition",
          "rebel",
          "security",
          "armed",
          "islamist",
          "jihadist",
          "allied",
          "state",
          "federal",
          "local",
          "tribal",
          "unidentified",
          "unknown",
          "suspected",
          "militant",
          "special",
          "ground",
          "air",
          "naval",
          "border",
          "riot",
          "army",
          "military",
          "police",
          "coalition",
          "insurgent",
          "paramilitary",
          "hardline",
          "anti-riot");

  /** Titles that make the capitalised words after them a person acting for a state. */
  private static final Pattern OFFICE =
      Pattern.compile(
          "(?:(?<dem>\\p{Lu}[\\p{L}-]+) )?(?<title>President|Prime Minister|Foreign Minister"
              + "|Defen[cs]e Minister|King|Emir|Crown Prince|Chancellor|General|Gen\\.)"
              + " (?<name>\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+){0,2})");

  private static final Pattern POSSESSIVE_PERSON =
      Pattern.compile(
          "(?<country>\\p{Lu}[\\p{L}-]+)['’]s (?<name>\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+){1,2})");

  private static final Pattern STATE_ACTING =
      Pattern.compile(
          "(?<![\\p{L}'’])(?<country>\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?)"
              + "(?: and (?<other>\\p{Lu}[\\p{L}-]+))? (?<verb>said|agreed|signed|shelled|struck"
              + "|launched|sent|deployed|attacked|bombed|accused|denied|claimed|announced"
              + "|withdrew|captured|recaptured|seized|arrested|pledged|vowed|carried out)\\b");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\d'’]+(?:-[\\p{L}\\d]+)*");

  private final Gazetteer gazetteer;

  public Actors(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The actors of a sentence in order of appearance, each once. */
  public List<Actor> in(String sentence) {
    List<Found> found = new ArrayList<>();
    Matcher n = NAMED_PATTERN.matcher(sentence);
    while (n.find()) {
      found.add(new Found(n.start(), n.end(), new Actor(n.group(), null)));
    }
    Matcher o = OFFICE.matcher(sentence);
    while (o.find()) {
      String dem = o.group("dem");
      String country = dem == null ? null : countryOf(dem).orElse(null);
      int start = country != null ? o.start() : o.start("title");
      found.add(new Found(start, o.end(), new Actor(sentence.substring(start, o.end()), country)));
    }
    Matcher p = POSSESSIVE_PERSON.matcher(sentence);
    while (p.find()) {
      country(p.group("country"))
          .ifPresent(
              c -> found.add(new Found(p.start(), p.end(), new Actor(p.group(), c.countryCode()))));
    }
    Matcher st = STATE_ACTING.matcher(sentence);
    while (st.find()) {
      addState(found, st, "country");
      if (st.group("other") != null) {
        addState(found, st, "other");
      }
    }
    rolePhrases(sentence, found);
    found.sort(java.util.Comparator.comparingInt(Found::start));
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      boolean overlaps = kept.stream().anyMatch(k -> k.start() < f.end() && f.start() < k.end());
      boolean same =
          kept.stream().anyMatch(k -> k.actor().name().equalsIgnoreCase(f.actor().name()));
      if (!overlaps && !same) {
        kept.add(f);
      }
    }
    return kept.stream().map(Found::actor).toList();
  }

  private record Found(int start, int end, Actor actor) {}

  private void addState(List<Found> found, Matcher m, String group) {
    country(m.group(group))
        .ifPresent(
            c ->
                found.add(
                    new Found(
                        m.start(group), m.end(group), new Actor(m.group(group), c.countryCode()))));
  }

  /** "Russian-backed regime forces": a head noun and the modifiers before it. */
  private void rolePhrases(String sentence, List<Found> found) {
    List<int[]> spans = new ArrayList<>();
    Matcher w = WORD.matcher(sentence);
    while (w.find()) {
      spans.add(new int[] {w.start(), w.end()});
    }
    for (int i = 0; i < spans.size(); i++) {
      String word = text(sentence, spans.get(i)).toLowerCase(Locale.ROOT);
      if (!HEADS.contains(word)) {
        continue;
      }
      // "government forces": the modifier is not a head of its own
      if (i + 1 < spans.size()
          && HEADS.contains(text(sentence, spans.get(i + 1)).toLowerCase(Locale.ROOT))
          && sentence.substring(spans.get(i)[1], spans.get(i + 1)[0]).equals(" ")) {
        continue;
      }
      int first = i;
      String country = null;
      for (int j = i - 1; j >= 0 && i - j <= 4; j--) {
        String gap = sentence.substring(spans.get(j)[1], spans.get(j + 1)[0]);
        if (!gap.equals(" ")) {
          break;
        }
        String raw = text(sentence, spans.get(j));
        String lower = raw.toLowerCase(Locale.ROOT);
        Optional<String> own = ownCountry(raw);
        if (MODIFIERS.contains(lower)
            || HEADS.contains(lower)
            || lower.matches(
                "(?:pro|anti)-.+|.+-(?:backed|led|allied|aligned|affiliated|linked"
                    + "|supported|sponsored|held)")
            || own.isPresent()) {
          first = j;
          if (country == null && own.isPresent()) {
            country = own.get();
          }
        } else {
          break;
        }
      }
      int start = spans.get(first)[0];
      int end = spans.get(i)[1];
      found.add(new Found(start, end, new Actor(sentence.substring(start, end), country)));
    }
  }

  /** The country a modifier says is the actor's own: a demonym or a country's possessive. */
  private Optional<String> ownCountry(String raw) {
    if (raw.matches(".+-(?:backed|led|allied|aligned|affiliated|linked|supported|sponsored)")) {
      return Optional.empty(); // a backer is not the actor's own country
    }
    String w = raw.replaceAll("['’]s$", "");
    if (!Character.isUpperCase(w.codePointAt(0))) {
      return Optional.empty();
    }
    return countryOf(w);
  }

  private Optional<String> countryOf(String word) {
    // a region's people ("Kurdish" forces) has no country of its own
    Optional<Place> d = gazetteer.demonym(word).filter(p -> p.precision() == Precision.COUNTRY);
    if (d.isPresent()) {
      return Optional.of(d.get().countryCode());
    }
    return country(word).map(Place::countryCode);
  }

  private Optional<Place> country(String name) {
    return gazetteer.lookup(name).stream()
        .filter(p -> p.precision() == Precision.COUNTRY)
        .findFirst();
  }

  private static String text(String s, int[] span) {
    return s.substring(span[0], span[1]);
  }
}
