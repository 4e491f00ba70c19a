package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * The countries an article's names point to, and the rule that a town or region should lie in one
 * of them. Each occurrence of a country or its people ("Chad", "Chadian") counts 2 for its country,
 * each town or region 1. A name's own occurrences never count for it: a foreign reading of a name
 * repeated five times is still unsupported.
 *
 * <p>The rule ({@link #apply}): a town or region whose country no other name of the article
 * supports, where the same name has a town or region reading in a country that other names support
 * at least {@link #FIRM} (a country named once, or two places in it), takes that reading. A
 * well-known town abroad loses to a small one at home only when nothing else in the text goes
 * abroad with it; "Paris, France" or a French minister named beside it keeps Paris.
 */
public final class CountryContext {
  /** Support at which a country is the article's, for the rule. */
  public static final double FIRM = 2;

  /** Per normalised name: its support by country code. */
  private final Map<String, Map<String, Double>> byName;

  /** Support by country code over every name. */
  private final Map<String, Double> total;

  private CountryContext(Map<String, Map<String, Double>> byName, Map<String, Double> total) {
    this.byName = byName;
    this.total = total;
  }

  /** The context of a text's resolved mentions. */
  public static CountryContext of(List<Mention> mentions) {
    Map<String, Map<String, Double>> byName = new HashMap<>();
    Map<String, Double> total = new HashMap<>();
    for (Mention m : mentions) {
      if (m == null || m.place() == null) {
        continue;
      }
      String cc = m.place().countryCode();
      if (cc == null || cc.isEmpty()) {
        continue;
      }
      double w = m.precision() == Precision.COUNTRY ? 2 : 1;
      byName.computeIfAbsent(nameOf(m), k -> new HashMap<>()).merge(cc, w, Double::sum);
      total.merge(cc, w, Double::sum);
    }
    return new CountryContext(byName, total);
  }

  /** How much the article's names other than {@code name} (normalised) point to a country. */
  public double support(String countryCode, String name) {
    if (countryCode == null) {
      return 0;
    }
    double own = byName.getOrDefault(name, Map.of()).getOrDefault(countryCode, 0.0);
    return total.getOrDefault(countryCode, 0.0) - own;
  }

  /** The support of a mention's country from the other names of the article. */
  public double support(Mention m) {
    return support(m.place().countryCode(), nameOf(m));
  }

  /**
   * The best-supported country, from names other than the mention's, when another country than the
   * mention's has firm support and the mention's has none: the article is elsewhere.
   */
  public Optional<String> elsewhere(Mention m) {
    String name = nameOf(m);
    if (support(m.place().countryCode(), name) > 0) {
      return Optional.empty();
    }
    return total.keySet().stream()
        .filter(cc -> !cc.equals(m.place().countryCode()))
        .filter(cc -> support(cc, name) >= FIRM)
        .max(Comparator.comparingDouble((String cc) -> support(cc, name)));
  }

  /** The normalised name a mention was written as. */
  public static String nameOf(Mention m) {
    return Names.normalize(m.text());
  }

  /**
   * Moves each town or region that the article's other names do not support to the same name's
   * reading in a country they firmly support, where there is one; every occurrence of the name
   * moves together. {@code candidates} gives a written name's possible places.
   */
  public static List<Mention> apply(
      List<Mention> mentions, Function<String, List<Place>> candidates) {
    CountryContext context = of(mentions);
    Map<String, Optional<Place>> moved = new HashMap<>();
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      if (m == null
          || m.kind() != Mention.Kind.TOPONYM
          || m.place().precision() == Precision.COUNTRY) {
        out.add(m);
        continue;
      }
      Optional<Place> to =
          moved.computeIfAbsent(nameOf(m), n -> context.homeReading(m, candidates));
      out.add(to.map(p -> movedTo(m, p)).orElse(m));
    }
    return out;
  }

  /** The name's reading in the best-supported country, when its own reading has no support. */
  private Optional<Place> homeReading(Mention m, Function<String, List<Place>> candidates) {
    String name = nameOf(m);
    if (support(m.place().countryCode(), name) > 0) {
      return Optional.empty();
    }
    return candidates.apply(m.text()).stream()
        .filter(p -> p.precision() != Precision.COUNTRY)
        .filter(p -> "P".equals(p.featureClass()) || "A".equals(p.featureClass()))
        .filter(p -> !p.countryCode().equals(m.place().countryCode()))
        .filter(p -> support(p.countryCode(), name) >= FIRM)
        .max(
            Comparator.comparingDouble((Place p) -> support(p.countryCode(), name))
                .thenComparingLong(Place::population)
                .thenComparing(Place::key, Comparator.reverseOrder()));
  }

  /**
   * The mention read as {@code p}. Its confidence is halved: the text's countries chose it against
   * the prior, and the place confidence model weighs that.
   */
  private static Mention movedTo(Mention m, Place p) {
    List<Candidate> alternatives = new ArrayList<>();
    alternatives.add(new Candidate(m.place(), m.score()));
    m.alternatives().stream()
        .filter(c -> !c.place().key().equals(p.key()))
        .limit(Math.max(0, m.alternatives().size() - 1))
        .forEach(alternatives::add);
    Precision precision = m.precision() == m.place().precision() ? p.precision() : m.precision();
    return new Mention(
        m.start(),
        m.end(),
        m.text(),
        m.kind(),
        p,
        precision,
        m.near(),
        Math.round(500.0 * m.confidence()) / 1000.0,
        m.score(),
        List.copyOf(alternatives));
  }
}
