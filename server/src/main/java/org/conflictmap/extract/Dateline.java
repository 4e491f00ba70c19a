package org.conflictmap.extract;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.Mention;

/**
 * A wire dateline at the head of a body ("KORHOGO, Ivory Coast (Newswire) — Police said…"): the
 * place in capitals, an optional country, an optional agency in brackets and a dash. It is no part
 * of the first sentence; it is where the article was filed. An event the first sentence reports
 * with no place of its own is there; "the capital" with no name is the dateline's city when it is
 * the capital, else the capital of its country (or of the country a dateline names alone).
 */
public final class Dateline {
  private static final Pattern HEAD =
      Pattern.compile(
          "^\\s*(\\p{Lu}[\\p{Lu}'’.\\- ]*\\p{Lu})"
              + "(?:\\s*,\\s*(\\p{Lu}[\\p{L}'’.\\- ]{1,40}?))?"
              + "(?:\\s*\\(([^()\\n]{1,40})\\))?"
              + "\\s*(?:—|–|--|-)\\s+(?=\\S)");

  /** "the city", "the port city", "the Somali capital", "the town" with no name after it. */
  private static final Pattern UNNAMED =
      Pattern.compile(
          "\\bthe (?:(?:port|coastal|northern|southern|eastern|western|central|border|provincial"
              + "|regional|old|\\p{Lu}\\p{L}+) )?(city|town|capital)\\b(?! of \\p{Lu})");

  /**
   * A dateline found: its span in the body, the place filed from (null when the dateline names only
   * a country), and the capital "the capital" stands for.
   */
  public record Found(int end, Where.Located city, Where.Located capital) {}

  private Dateline() {}

  /** The dateline heading a body, resolved in the gazetteer; empty when there is none. */
  public static Optional<Found> of(String body, Gazetteer gazetteer) {
    Matcher m = HEAD.matcher(body);
    if (!m.find()) {
      return Optional.empty();
    }
    String head = m.group(1).strip();
    // a dateline is a few words of capitals; a shouted first sentence is not one
    if (head.length() < 3 || head.split(" ").length > 4) {
      return Optional.empty();
    }
    Set<String> countries =
        m.group(2) == null ? Set.of() : countryCodes(gazetteer, m.group(2).strip());
    if (m.group(2) != null && countries.isEmpty()) {
      return Optional.empty();
    }
    Set<String> headCountry = countryCodes(gazetteer, head);
    if (m.group(2) == null && !headCountry.isEmpty()) {
      // "SOMALIA (Newswire) —": a country alone
      Optional<Place> capital = capitalOf(gazetteer, headCountry);
      return Optional.of(
          new Found(m.end(), null, capital.map(p -> at(p, m.start(1), m.end(1))).orElse(null)));
    }
    Optional<Place> city =
        gazetteer.lookup(head).stream()
            .filter(p -> p.precision() == Precision.TOWN)
            .filter(p -> countries.isEmpty() || countries.contains(p.countryCode()))
            .max(Comparator.comparingLong(Place::population));
    if (city.isEmpty()) {
      return Optional.empty();
    }
    Where.Located filed = at(city.get(), m.start(1), m.end(1));
    Where.Located capital =
        "PPLC".equals(city.get().featureCode())
            ? filed
            : capitalOf(gazetteer, Set.of(city.get().countryCode()))
                .map(p -> at(p, m.start(1), m.end(1)))
                .orElse(null);
    return Optional.of(new Found(m.end(), filed, capital));
  }

  /**
   * The place "the capital", "the city" or "the town" with no name of its own stands for in a text:
   * the capital is the dateline's city when it is one, else its country's capital; the city or the
   * town is the place of the report before ({@code last}), else the dateline's city. Empty when the
   * text says none of them, the article has no dateline or nothing to resolve it to.
   */
  public static Optional<Where.Located> unnamed(String text, Found dateline, Where.Located last) {
    if (dateline == null) {
      return Optional.empty();
    }
    Matcher m = UNNAMED.matcher(text);
    while (m.find()) {
      Where.Located to =
          "capital".equals(m.group(1))
              ? dateline == null ? null : dateline.capital()
              : last != null ? last : dateline == null ? null : dateline.city();
      if (to != null) {
        return Optional.of(to);
      }
    }
    return Optional.empty();
  }

  /** The body with its dateline blanked out, offsets kept. */
  public static String cut(String body, Found dateline) {
    return " ".repeat(dateline.end()) + body.substring(dateline.end());
  }

  private static Where.Located at(Place p, int start, int end) {
    Mention mention =
        new Mention(
            start,
            end,
            p.name(),
            Mention.Kind.TOPONYM,
            p,
            p.precision(),
            false,
            0.9,
            1.0,
            List.of());
    return new Where.Located(mention, p.precision().acledCode());
  }

  private static Set<String> countryCodes(Gazetteer gazetteer, String name) {
    List<Place> named = gazetteer.lookup(name.toLowerCase(Locale.ROOT));
    Set<String> codes =
        named.stream()
            .filter(p -> p.precision() == Precision.COUNTRY)
            .map(Place::countryCode)
            .collect(Collectors.toSet());
    if (codes.isEmpty()) {
      // "West Bank", "Kurdistan": a territory filed under the country that holds it
      codes =
          named.stream()
              .filter(p -> p.precision() == Precision.REGION && "A".equals(p.featureClass()))
              .filter(p -> p.featureCode().startsWith("ADM1") || p.featureCode().startsWith("PCL"))
              .map(Place::countryCode)
              .collect(Collectors.toSet());
    }
    return codes;
  }

  private static Optional<Place> capitalOf(Gazetteer gazetteer, Set<String> countries) {
    return gazetteer.places().stream()
        .filter(p -> "PPLC".equals(p.featureCode()) && countries.contains(p.countryCode()))
        .max(Comparator.comparingLong(Place::population));
  }
}
