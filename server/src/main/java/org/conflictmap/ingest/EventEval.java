package org.conflictmap.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.conflictmap.events.AcledTypes;
import org.conflictmap.events.EventTypes;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.Sentence;
import org.conflictmap.geoparse.Sentences;
import org.conflictmap.problem.InputException;

/**
 * Scores event extraction against an annotated set: a directory of plain-text articles ({@code
 * NAME.txt}, with a {@code date} line) each beside {@code NAME.events}, the events a careful coder
 * expects, one per line:
 *
 * <pre>
 * place, country | date or from..to | time_precision | event_type | sub_event_type | fatalities |
 * injuries | geo_precision | planned</pre>
 *
 * with {@code -} for a figure not stated and the country an optional ISO code. An extracted event
 * matches an expected one of the same article at the same place (by name, or a name the gazetteer
 * knows it by, in the same country); matches are paired greedily, preferring the same type and
 * date. Precision and recall count events; accuracies count fields over matched pairs.
 */
public final class EventEval {
  /** One expected event. */
  public record Expected(
      String place,
      String countryCode,
      LocalDate from,
      LocalDate to,
      int timePrecision,
      String eventType,
      String subEventType,
      Integer fatalities,
      Integer injuries,
      int geoPrecision,
      boolean planned) {}

  /** An annotated article. */
  public record Case(String name, NewArticle article, List<Expected> expected) {}

  /** An extracted event's type confidence, and whether the event and its type were right. */
  public record Scored(double confidence, boolean correct) {}

  /** One row of a reliability table. */
  public record Bin(double from, double to, int count, double meanConfidence, int correct) {
    public double accuracy() {
      return count == 0 ? 0 : (double) correct / count;
    }
  }

  private static final double[] BIN_EDGES = {0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  /** A field compared over matched pairs. */
  public record Field(String name, int correct, int total) {
    public double accuracy() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  /** What kind of disagreement a {@link Detail} is. */
  public enum Kind {
    /** An expected event nothing extracted matched. */
    MISSED,
    /** An extracted event no expected one matched. */
    SPURIOUS,
    /** A matched pair that disagrees on at least one field. */
    MISMATCHED
  }

  /**
   * One disagreement between the annotation and the extractor, with the likeliest reason: for a
   * miss or a spurious event, what the extractor did instead; for a mismatch, every field that
   * differs. {@code sentence} is the extracted event's evidence, null for a miss.
   */
  public record Detail(String article, Kind kind, String event, String reason, String sentence) {
    @Override
    public String toString() {
      return article
          + ": "
          + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " "
          + event
          + " — "
          + reason
          + (sentence == null ? "" : " — \"" + sentence + "\"");
    }
  }

  /** The scores, and the differences that explain them. */
  public record Report(
      int articles,
      int expected,
      int extracted,
      int matched,
      List<Field> fields,
      List<String> differences,
      List<Detail> details,
      List<Scored> scored,
      List<Scored> placeScored) {
    /**
     * The reliability table of the type confidence: extracted events binned by the confidence they
     * were given, beside the share of them that were right (matched, with the right type).
     */
    public List<Bin> calibration() {
      return bins(scored);
    }

    /** Expected calibration error: the count-weighted gap between confidence and accuracy. */
    public double calibrationError() {
      return error(scored);
    }

    /**
     * The reliability table of the place confidence: extracted events binned by it, beside the
     * share whose place is one the annotation has an event at (same name or gazetteer key, same
     * country).
     */
    public List<Bin> placeCalibration() {
      return bins(placeScored);
    }

    /** Expected calibration error of the place confidence. */
    public double placeCalibrationError() {
      return error(placeScored);
    }

    private static List<Bin> bins(List<Scored> scored) {
      List<Bin> bins = new ArrayList<>();
      for (int i = 0; i < BIN_EDGES.length - 1; i++) {
        double lo = BIN_EDGES[i];
        double hi = BIN_EDGES[i + 1];
        boolean last = i == BIN_EDGES.length - 2;
        List<Scored> in =
            scored.stream()
                .filter(s -> s.confidence() >= lo && (s.confidence() < hi || last))
                .toList();
        double mean = in.stream().mapToDouble(Scored::confidence).average().orElse(0);
        int right = (int) in.stream().filter(Scored::correct).count();
        bins.add(new Bin(lo, hi, in.size(), mean, right));
      }
      return bins;
    }

    private static double error(List<Scored> scored) {
      int n = scored.size();
      return n == 0
          ? 0
          : bins(scored).stream()
                  .mapToDouble(b -> b.count() * Math.abs(b.meanConfidence() - b.accuracy()))
                  .sum()
              / n;
    }

    /** The details of one kind, in article order. */
    public List<Detail> details(Kind kind) {
      return details.stream().filter(d -> d.kind() == kind).toList();
    }

    public double precision() {
      return extracted == 0 ? 0 : (double) matched / extracted;
    }

    public double recall() {
      return expected == 0 ? 0 : (double) matched / expected;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private record Check(String name, BiPredicate<Expected, NewEvent> same) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("event_type", (g, e) -> g.eventType().equals(e.eventType())),
          new Check("sub_event_type", (g, e) -> Objects.equals(g.subEventType(), e.subEventType())),
          new Check(
              "event_date",
              (g, e) -> g.from().equals(e.eventDate()) && Objects.equals(g.to(), e.eventDateEnd())),
          new Check("time_precision", (g, e) -> g.timePrecision() == e.timePrecision()),
          new Check("fatalities", (g, e) -> Objects.equals(g.fatalities(), e.fatalities())),
          new Check("injuries", (g, e) -> Objects.equals(g.injuries(), e.injuries())),
          new Check("geo_precision", (g, e) -> g.geoPrecision() == e.geoPrecision()),
          new Check("planned", (g, e) -> g.planned() == e.planned()));

  private EventEval() {}

  /** Anything that turns an article into events: the extractor, or a baseline. */
  @FunctionalInterface
  public interface Extraction {
    List<NewEvent> extract(String body, LocalDate date, int timePrecision);
  }

  /**
   * The foundation's method, kept as a baseline: one event per sentence that names a place, at the
   * most specific place, dated the article's day, typed by the sentence's strongest cue, with no
   * figures.
   */
  public static Extraction sentenceBaseline(Geoparser geoparser) {
    return (body, date, timePrecision) -> {
      List<Mention> mentions = geoparser.parse(body);
      List<NewEvent> out = new ArrayList<>();
      for (Sentence s : Sentences.split(body)) {
        mentions.stream()
            .filter(m -> m.kind() == Mention.Kind.TOPONYM && s.contains(m.start()))
            .min(
                Comparator.comparing((Mention m) -> m.precision().ordinal())
                    .thenComparing(Comparator.comparingDouble(Mention::confidence).reversed()))
            .ifPresent(
                m -> {
                  EventTypes.Type t = EventTypes.classify(s.text());
                  out.add(
                      new NewEvent(
                          date,
                          t.eventType(),
                          t.subEventType(),
                          m.geoPrecision(),
                          timePrecision,
                          null,
                          s.text(),
                          m.place().key(),
                          m.place().geonameId(),
                          m.place().name(),
                          m.place().countryCode(),
                          m.precision().label(),
                          m.place().lat(),
                          m.place().lon(),
                          s.text(),
                          s.start(),
                          s.end(),
                          null,
                          null,
                          false,
                          List.of(),
                          t.confidence(),
                          null));
                });
      }
      return out;
    };
  }

  /** The annotated articles of a directory, in name order. */
  public static List<Case> load(Path dir) throws IOException {
    List<Case> cases = new ArrayList<>();
    List<Path> texts;
    try (Stream<Path> s = Files.list(dir)) {
      texts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path text : texts) {
      String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
      Path events = text.resolveSibling(name + ".events");
      if (!Files.exists(events)) {
        throw new IllegalArgumentException(name + ".txt has no " + name + ".events beside it");
      }
      NewArticle a = ArticleText.parse(Files.readString(text, StandardCharsets.UTF_8), null);
      if (a.published() == null) {
        throw new IllegalArgumentException(name + ".txt has no 'date YYYY-MM-DD' line");
      }
      List<Expected> expected = new ArrayList<>();
      int n = 0;
      for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        expected.add(parse(line, name + ".events:" + n));
      }
      cases.add(new Case(name, a, expected));
    }
    return cases;
  }

  static Expected parse(String line, String where) {
    String[] f = line.split("\\s*\\|\\s*", -1);
    if (f.length != 9) {
      throw new IllegalArgumentException(
          where + ": expected 9 fields separated by |, got " + f.length);
    }
    try {
      String[] dates = f[1].strip().split("\\.\\.");
      LocalDate from = ArticleText.parseDate(dates[0].strip(), where);
      LocalDate to = dates.length > 1 ? ArticleText.parseDate(dates[1].strip(), where) : null;
      String[] place = f[0].split(",");
      return new Expected(
          place[0].strip(),
          place.length > 1 ? place[1].strip().toUpperCase(java.util.Locale.ROOT) : null,
          from,
          to,
          Integer.parseInt(f[2].strip()),
          f[3].strip(),
          f[4].strip().equals("-") ? null : f[4].strip(),
          figure(f[5]),
          figure(f[6]),
          Integer.parseInt(f[7].strip()),
          f[8].strip().equalsIgnoreCase("yes"));
    } catch (NumberFormatException | InputException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static Integer figure(String s) {
    return s.strip().equals("-") ? null : Integer.valueOf(s.strip());
  }

  /** Extracts every article's events and scores them. */
  public static Report score(List<Case> cases, Extraction extractor) {
    return score(cases, extractor, null);
  }

  /**
   * As {@link #score(List, Extraction)}, where an expected place also matches an extracted one that
   * the gazetteer knows by that name ("Basra" for the gazetteer's "Basrah").
   */
  public static Report score(List<Case> cases, Extraction extractor, Gazetteer gazetteer) {
    int expected = 0;
    int extracted = 0;
    int matched = 0;
    int[] correct = new int[CHECKS.size()];
    List<String> differences = new ArrayList<>();
    List<Detail> details = new ArrayList<>();
    List<Scored> scored = new ArrayList<>();
    List<Scored> placeScored = new ArrayList<>();
    for (Case c : cases) {
      List<NewEvent> all = extractor.extract(c.article().body(), c.article().published(), 1);
      for (NewEvent e : all) {
        if (e.placeConfidence() != null) {
          placeScored.add(new Scored(e.placeConfidence(), placeRight(c, e, gazetteer)));
        }
      }
      List<NewEvent> found = new ArrayList<>(all);
      expected += c.expected().size();
      extracted += found.size();
      List<Map.Entry<Expected, NewEvent>> pairs = new ArrayList<>();
      List<Expected> missed = new ArrayList<>();
      for (Expected g : c.expected()) {
        NewEvent e = pair(g, found, gazetteer);
        if (e == null) {
          differences.add(c.name() + ": missed " + describe(g));
          missed.add(g);
          continue;
        }
        found.remove(e);
        scored.add(new Scored(e.typeConfidence(), g.eventType().equals(e.eventType())));
        pairs.add(Map.entry(g, e));
        matched++;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CHECKS.size(); i++) {
          if (CHECKS.get(i).same().test(g, e)) {
            correct[i]++;
          } else {
            String name = CHECKS.get(i).name();
            wrong.add(name + " expected " + value(name, g) + ", got " + value(name, e));
            differences.add(
                c.name()
                    + ": "
                    + g.place()
                    + " "
                    + CHECKS.get(i).name()
                    + " expected "
                    + value(CHECKS.get(i).name(), g)
                    + ", got "
                    + value(CHECKS.get(i).name(), e));
          }
        }
        if (!wrong.isEmpty()) {
          details.add(
              new Detail(
                  c.name(), Kind.MISMATCHED, describe(g), String.join("; ", wrong), e.sentence()));
        }
      }
      for (Expected g : missed) {
        details.add(
            new Detail(
                c.name(),
                Kind.MISSED,
                describe(g),
                whyMissed(g, c.article().body(), pairs, found, gazetteer),
                null));
      }
      for (NewEvent e : found) {
        scored.add(new Scored(e.typeConfidence(), false));
        details.add(
            new Detail(
                c.name(), Kind.SPURIOUS, describe(e), whySpurious(e, pairs, missed), e.sentence()));
      }
      for (NewEvent e : found) {
        differences.add(
            c.name()
                + ": extra "
                + e.placeName()
                + " "
                + e.eventDate()
                + " "
                + e.eventType()
                + " / "
                + e.subEventType()
                + " — \""
                + e.sentence()
                + "\"");
      }
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < CHECKS.size(); i++) {
      fields.add(new Field(CHECKS.get(i).name(), correct[i], matched));
    }
    return new Report(
        cases.size(),
        expected,
        extracted,
        matched,
        fields,
        differences,
        details,
        scored,
        placeScored);
  }

  /**
   * Whether an extracted event's place is one the annotation has an event at: the same name or a
   * name the gazetteer knows it by, in the expected country.
   */
  public static boolean placeRight(Case c, NewEvent e, Gazetteer gazetteer) {
    return c.expected().stream().anyMatch(g -> pair(g, List.of(e), gazetteer) != null);
  }

  /**
   * Why an expected event found no partner, from what the extractor did instead: the place put in
   * another country, the event folded into another at the same place, the same event put at another
   * place, or nothing at all where the text does or does not name the place.
   */
  private static String whyMissed(
      Expected g,
      String body,
      List<Map.Entry<Expected, NewEvent>> pairs,
      List<NewEvent> unpaired,
      Gazetteer gazetteer) {
    String place = Names.normalize(g.place());
    for (NewEvent e : unpaired) {
      if (Names.normalize(e.placeName()).equals(place)) {
        return "the place was resolved to "
            + e.placeName()
            + ", "
            + e.countryCode()
            + ", not in "
            + g.countryCode();
      }
    }
    for (Map.Entry<Expected, NewEvent> p : pairs) {
      if (pair(g, List.of(p.getValue()), gazetteer) != null) {
        return "merged into the extracted event already paired with " + describe(p.getKey());
      }
    }
    for (NewEvent e : unpaired) {
      if (e.eventType().equals(g.eventType()) && g.from().equals(e.eventDate())) {
        return "same type and date extracted at another place, " + e.placeName();
      }
    }
    boolean named =
        Names.normalize(body).contains(place)
            || body.toLowerCase(java.util.Locale.ROOT)
                .contains(g.place().toLowerCase(java.util.Locale.ROOT));
    return named
        ? "the text names " + g.place() + " but no event was extracted there"
        : "the text does not name " + g.place() + " as such; nothing was extracted there";
  }

  /**
   * Why an extracted event found no partner: a second event at a place already paired (another date
   * or type), the likely twin of a missed event put at the wrong place, or a place where nothing
   * was expected at all.
   */
  private static String whySpurious(
      NewEvent e, List<Map.Entry<Expected, NewEvent>> pairs, List<Expected> missed) {
    for (Map.Entry<Expected, NewEvent> p : pairs) {
      if (p.getValue().placeKey().equals(e.placeKey())) {
        return "a second event at a place already matched to " + describe(p.getKey());
      }
    }
    for (Expected g : missed) {
      if (g.eventType().equals(e.eventType()) && g.from().equals(e.eventDate())) {
        return "likely the missed " + describe(g) + ", put at another place";
      }
    }
    return "no event expected at " + e.placeName() + " (type from " + cueOf(e) + ")";
  }

  private static String cueOf(NewEvent e) {
    return AcledTypes.UNCLASSIFIED.equals(e.eventType())
        ? "casualties alone, no cue"
        : "a cue, confidence " + e.typeConfidence();
  }

  private static String describe(NewEvent e) {
    return e.placeName()
        + (e.countryCode() == null ? "" : ", " + e.countryCode())
        + " "
        + e.eventDate()
        + (e.eventDateEnd() == null ? "" : ".." + e.eventDateEnd())
        + " "
        + e.eventType()
        + " / "
        + e.subEventType();
  }

  /** The unmatched extracted event at the expected place, best agreeing on type and date. */
  private static NewEvent pair(Expected g, List<NewEvent> found, Gazetteer gazetteer) {
    String place = Names.normalize(g.place());
    java.util.Set<String> keys = new java.util.HashSet<>();
    if (gazetteer != null) {
      gazetteer.lookup(g.place()).forEach(p -> keys.add(p.key()));
    }
    return found.stream()
        .filter(e -> Names.normalize(e.placeName()).equals(place) || keys.contains(e.placeKey()))
        .filter(e -> g.countryCode() == null || g.countryCode().equals(e.countryCode()))
        .max(
            Comparator.comparingInt(
                (NewEvent e) ->
                    (g.eventType().equals(e.eventType()) ? 2 : 0)
                        + (g.from().equals(e.eventDate()) ? 1 : 0)))
        .orElse(null);
  }

  private static String describe(Expected g) {
    return g.place()
        + " "
        + g.from()
        + (g.to() == null ? "" : ".." + g.to())
        + " "
        + g.eventType()
        + " / "
        + g.subEventType();
  }

  private static Object value(String field, Expected g) {
    return switch (field) {
      case "event_type" -> g.eventType();
      case "sub_event_type" -> g.subEventType();
      case "event_date" -> g.from() + (g.to() == null ? "" : ".." + g.to());
      case "time_precision" -> g.timePrecision();
      case "fatalities" -> g.fatalities();
      case "injuries" -> g.injuries();
      case "geo_precision" -> g.geoPrecision();
      default -> g.planned();
    };
  }

  private static Object value(String field, NewEvent e) {
    return switch (field) {
      case "event_type" -> e.eventType();
      case "sub_event_type" -> e.subEventType();
      case "event_date" ->
          e.eventDate() + (e.eventDateEnd() == null ? "" : ".." + e.eventDateEnd());
      case "time_precision" -> e.timePrecision();
      case "fatalities" -> e.fatalities();
      case "injuries" -> e.injuries();
      case "geo_precision" -> e.geoPrecision();
      default -> e.planned();
    };
  }

  /** Field accuracies by name, for callers that print them. */
  public static Map<String, Field> byName(Report r) {
    Map<String, Field> m = new LinkedHashMap<>();
    r.fields().forEach(f -> m.put(f.name(), f));
    return m;
  }
}
