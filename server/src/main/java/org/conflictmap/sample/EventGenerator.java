package org.conflictmap.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.conflictmap.events.AcledTypes;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.store.BulkEvents;

/**
 * Makes realistic events for test and benchmark stores: around real towns of the gazetteer, chosen
 * by the square root of their population (so capitals lead but every country has events), of every
 * ACLED type and sub-type and every geo- and time-precision, dated 2018–2024, a third of them
 * reported by two or three articles. Reports that ingest would merge into one event (same type,
 * overlapping dates, within {@code 10 km} or the same region) are grouped into one event; two
 * events are never that close, so the store holds what ingesting the same articles would leave. The
 * same seed and gazetteer give the same events.
 */
public final class EventGenerator {
  /** Events per batch (one transaction each): fewer commits rewrite fewer index pages. */
  public static final int BATCH = 20_000;

  static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
  static final LocalDate LAST = LocalDate.of(2024, 12, 31);
  private static final int DAYS = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
  private static final double SAME_PLACE_KM = 10;
  private static final DateTimeFormatter SAID =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ROOT);

  /** Type, its share of events, and the chance a report states no death toll. */
  private record TypeMix(String type, double share, double noToll, double meanToll) {}

  private static final List<TypeMix> TYPES =
      List.of(
          new TypeMix("Battles", 0.25, 0.3, 5),
          new TypeMix("Explosions/Remote violence", 0.25, 0.3, 4),
          new TypeMix("Violence against civilians", 0.15, 0.3, 2),
          new TypeMix("Protests", 0.19, 0.7, 0.2),
          new TypeMix("Riots", 0.07, 0.6, 1),
          new TypeMix("Strategic developments", 0.06, 0.9, 0.1),
          new TypeMix(AcledTypes.UNCLASSIFIED, 0.03, 0.6, 1));

  private final Gazetteer gazetteer;
  private final SplittableRandom random;
  private final String run;
  private final Place[] towns;
  private final double[] cumulative;
  private final Map<Integer, double[]> taken = new HashMap<>();
  private final Map<Integer, Integer> takenSize = new HashMap<>();
  private long articles;

  /**
   * @param run a tag unique to this run in this store (it goes into urls and bodies, which the
   *     store keeps unique)
   */
  public EventGenerator(Gazetteer gazetteer, long seed, String run) {
    this.gazetteer = Objects.requireNonNull(gazetteer);
    this.random = new SplittableRandom(seed);
    this.run = Objects.requireNonNull(run);
    List<Place> found = new ArrayList<>();
    for (Place p : gazetteer.places()) {
      if (p.precision() == Precision.TOWN
          && p.population() >= 1000
          && !p.minorSettlement()
          && p.countryCode() != null
          && p.countryCode().length() == 2) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("the gazetteer holds no towns with a population");
    }
    towns = found.toArray(Place[]::new);
    cumulative = new double[towns.length];
    double sum = 0;
    for (int i = 0; i < towns.length; i++) {
      sum += Math.sqrt(towns[i].population());
      cumulative[i] = sum;
    }
  }

  /** Makes {@code count} events in batches of {@link #BATCH}, handing each batch to {@code out}. */
  public void generate(long count, Consumer<BulkEvents.Batch> out) {
    // batch by batch through the years, as news arrives: the date index grows at its end instead
    // of every commit rewriting pages all over it
    long batches = (count + BATCH - 1) / BATCH;
    for (long b = 0; b < batches; b++) {
      int n = (int) Math.min(BATCH, count - b * BATCH);
      int from = (int) (b * DAYS / batches);
      int to = (int) ((b + 1) * DAYS / batches);
      out.accept(batch(n, from, Math.max(from + 1, to)));
    }
  }

  /** One batch of {@code n} events with their articles, dated in these days from 2018-01-01. */
  BulkEvents.Batch batch(int n, int fromDay, int toDay) {
    List<Draft> drafts = new ArrayList<>(n);
    while (drafts.size() < n) {
      Draft d = draft(fromDay, toDay);
      if (d != null) {
        drafts.add(d);
      }
    }
    // every report of every event, shuffled, packed into articles of one to three reports
    List<int[]> reports = new ArrayList<>();
    for (int e = 0; e < drafts.size(); e++) {
      for (int k = 0; k < drafts.get(e).sources; k++) {
        reports.add(new int[] {e, k});
      }
    }
    for (int i = reports.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] t = reports.get(i);
      reports.set(i, reports.get(j));
      reports.set(j, t);
    }
    List<List<int[]>> packed = new ArrayList<>();
    List<int[]> current = new ArrayList<>();
    int size = 1 + random.nextInt(3);
    for (int[] r : reports) {
      boolean sameEvent = current.stream().anyMatch(x -> x[0] == r[0]);
      if (current.size() >= size || sameEvent) {
        packed.add(current);
        current = new ArrayList<>();
        size = 1 + random.nextInt(3);
      }
      current.add(r);
    }
    if (!current.isEmpty()) {
      packed.add(current);
    }
    List<BulkEvents.ArticleRow> articleRows = new ArrayList<>(packed.size());
    List<List<BulkEvents.Report>> events = new ArrayList<>(drafts.size());
    for (int e = 0; e < drafts.size(); e++) {
      events.add(new ArrayList<>());
    }
    for (int a = 0; a < packed.size(); a++) {
      long number = ++articles;
      String url = "https://generated.conflictmap.invalid/" + run + "/" + number;
      StringBuilder body = new StringBuilder();
      LocalDate published = FIRST;
      Draft lead = drafts.get(packed.get(a).get(0)[0]);
      for (int[] r : packed.get(a)) {
        Draft d = drafts.get(r[0]);
        if (body.length() > 0) {
          body.append(' ');
        }
        int start = body.length();
        String sentence = d.sentence(r[1], run + "/" + number);
        body.append(sentence);
        events.get(r[0]).add(new BulkEvents.Report(a, d.report(r[1], sentence, start)));
        LocalDate seen = d.planned ? d.date.minusDays(1 + r[1]) : d.date.plusDays(r[1]);
        if (seen.isAfter(published)) {
          published = seen;
        }
      }
      String text = body.toString();
      String title = lead.type + " in " + lead.place.name() + " (" + run + "/" + number + ")";
      articleRows.add(
          new BulkEvents.ArticleRow(
              new NewArticle(title, text, url, published), ArticleText.fingerprint(text)));
    }
    for (List<BulkEvents.Report> r : events) {
      r.sort((x, y) -> Integer.compare(x.article(), y.article()));
    }
    return new BulkEvents.Batch(articleRows, events);
  }

  /** A new event that ingest would not merge with any made before, or null to try again. */
  private Draft draft(int fromDay, int toDay) {
    Place town = towns[pick()];
    TypeMix mix = typeMix();
    String sub = subType(mix.type());
    double roll = random.nextDouble();
    int geo = roll < 0.7 ? 1 : roll < 0.85 ? 2 : 3;
    Place place = town;
    String precision = Precision.TOWN.label();
    if (geo == 3) {
      var region =
          random.nextDouble() < 0.8 ? gazetteer.region(town) : java.util.Optional.<Place>empty();
      var area = region.isPresent() ? region : gazetteer.country(town.countryCode());
      if (area.isEmpty()) {
        geo = 1;
      } else {
        place = area.get();
        precision = place.precision().label();
      }
    }
    int time = random.nextDouble() < 0.8 ? 1 : random.nextDouble() < 0.75 ? 2 : 3;
    boolean planned = "Protests".equals(mix.type()) && random.nextDouble() < 0.1;
    for (int attempt = 0; attempt < 8; attempt++) {
      LocalDate date = FIRST.plusDays(fromDay + random.nextInt(toDay - fromDay));
      int span = time > 1 && random.nextDouble() < 0.25 ? 2 + random.nextInt(29) : 0;
      LocalDate end = span == 0 ? null : date.plusDays(span);
      if (end != null && end.isAfter(LAST)) {
        end = null;
      }
      if (claim(place, geo, mix.type(), date, end)) {
        int sources = AcledTypes.UNCLASSIFIED.equals(mix.type()) ? 1 : sources();
        return new Draft(place, mix, sub, geo, precision, time, date, end, planned, sources);
      }
    }
    return null;
  }

  /**
   * Records the event's type, days and place, unless an event already made would be the same event
   * to ingest: then false.
   */
  private boolean claim(Place p, int geo, String type, LocalDate from, LocalDate to) {
    if (AcledTypes.UNCLASSIFIED.equals(type)) {
      return true; // ingest never merges "we could not tell"
    }
    int t = typeIndex(type);
    long first = from.toEpochDay();
    long last = (to == null ? from : to).toEpochDay();
    // an event over a range sits in every day it covers, so overlapping ranges meet on a day
    for (long d = first; d <= last; d++) {
      int bucket = (int) (d * 8 + t);
      double[] seen = taken.get(bucket);
      int n = takenSize.getOrDefault(bucket, 0);
      for (int i = 0; seen != null && i < n; i += 4) {
        if (sameEvent(p, geo, seen[i], seen[i + 1], (int) seen[i + 2], (int) seen[i + 3])) {
          return false;
        }
      }
    }
    for (long d = first; d <= last; d++) {
      int bucket = (int) (d * 8 + t);
      double[] seen = taken.get(bucket);
      int n = takenSize.getOrDefault(bucket, 0);
      if (seen == null || seen.length < n + 4) {
        seen = seen == null ? new double[16] : Arrays.copyOf(seen, seen.length * 2);
        taken.put(bucket, seen);
      }
      seen[n] = p.lat();
      seen[n + 1] = p.lon();
      seen[n + 2] = geo;
      seen[n + 3] = p.key().hashCode();
      takenSize.put(bucket, n + 4);
    }
    return true;
  }

  private static boolean sameEvent(Place p, int geo, double lat, double lon, int geo2, int key) {
    if (geo <= 2 && geo2 <= 2) {
      return km(p.lat(), p.lon(), lat, lon) <= SAME_PLACE_KM + 1; // a margin for rounding
    }
    return p.key().hashCode() == key;
  }

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  private int pick() {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, x);
    return Math.min(towns.length - 1, i >= 0 ? i : -i - 1);
  }

  private TypeMix typeMix() {
    double x = random.nextDouble();
    for (TypeMix m : TYPES) {
      x -= m.share();
      if (x < 0) {
        return m;
      }
    }
    return TYPES.get(0);
  }

  private static int typeIndex(String type) {
    for (int i = 0; i < TYPES.size(); i++) {
      if (TYPES.get(i).type().equals(type)) {
        return i;
      }
    }
    return TYPES.size();
  }

  private String subType(String type) {
    List<String> subs = AcledTypes.SUB_TYPES.get(type);
    return subs == null ? null : subs.get(random.nextInt(subs.size()));
  }

  private int sources() {
    double x = random.nextDouble();
    return x < 0.65 ? 1 : x < 0.9 ? 2 : 3;
  }

  /** A death or injury toll as one report states it, or null when it states none. */
  private Integer toll(double none, double mean) {
    if (random.nextDouble() < none) {
      return null;
    }
    // geometric: many small tolls, a few large ones
    double p = 1 / (1 + mean);
    int n = 0;
    while (random.nextDouble() > p && n < 500) {
      n++;
    }
    return n;
  }

  /** One event as the generator means it, before its reports are written. */
  private final class Draft {
    final Place place;
    final String type;
    final String subType;
    final int geo;
    final String precision;
    final int time;
    final LocalDate date;
    final LocalDate end;
    final boolean planned;
    final int sources;
    final Integer[] fatalities;
    final Integer[] injuries;
    final List<List<Actor>> actors = new ArrayList<>();

    Draft(
        Place place,
        TypeMix mix,
        String subType,
        int geo,
        String precision,
        int time,
        LocalDate date,
        LocalDate end,
        boolean planned,
        int sources) {
      this.place = place;
      this.type = mix.type();
      this.subType = subType;
      this.geo = geo;
      this.precision = precision;
      this.time = time;
      this.date = date;
      this.end = end;
      this.planned = planned;
      this.sources = sources;
      this.fatalities = new Integer[sources];
      this.injuries = new Integer[sources];
      List<Actor> cast = cast(place.countryCode(), type);
      for (int k = 0; k < sources; k++) {
        fatalities[k] = planned ? null : toll(mix.noToll(), mix.meanToll());
        injuries[k] = planned ? null : toll(0.6, mix.meanToll());
        List<Actor> named = new ArrayList<>();
        for (Actor a : cast) {
          if (k == 0 || random.nextDouble() < 0.6) {
            named.add(a);
          }
        }
        actors.add(named);
      }
    }

    String sentence(int k, String ref) {
      String where = place.name();
      var country = gazetteer.country(place.countryCode());
      if (country.isPresent() && !country.get().key().equals(place.key())) {
        where += ", " + country.get().name();
      }
      StringBuilder s = new StringBuilder();
      s.append(planned ? "A protest is planned for " : "On ").append(SAID.format(date));
      s.append(planned ? " in " : ", ");
      if (!planned) {
        s.append(subType == null ? "an incident" : subType.toLowerCase(Locale.ROOT));
        s.append(geo == 2 ? " near " : " in ");
      }
      s.append(where);
      if (fatalities[k] != null) {
        s.append(" killed ").append(fatalities[k]).append(" people");
      }
      if (injuries[k] != null) {
        s.append(fatalities[k] != null ? " and injured " : " injured ").append(injuries[k]);
      }
      if (!actors.get(k).isEmpty()) {
        s.append(", involving ");
        s.append(String.join(" and ", actors.get(k).stream().map(Actor::name).toList()));
      }
      return s.append(" (report ").append(ref).append(").").toString();
    }

    NewEvent report(int k, String sentence, int start) {
      double confidence = subType == null ? 0 : 0.6 + 0.1 * ((k + date.getDayOfMonth()) % 4);
      return new NewEvent(
          date,
          type,
          subType,
          geo,
          time,
          fatalities[k],
          sentence,
          place.key(),
          place.geonameId(),
          place.name(),
          place.countryCode(),
          precision,
          place.lat(),
          place.lon(),
          sentence,
          start,
          start + sentence.length(),
          end,
          injuries[k],
          planned,
          actors.get(k),
          confidence,
          null);
    }
  }

  /** Who takes part in an event of this type in this country. */
  private List<Actor> cast(String cc, String type) {
    String country = gazetteer.country(cc).map(Place::name).orElse(cc);
    List<Actor> out = new ArrayList<>();
    switch (type) {
      case "Battles" -> {
        out.add(new Actor("Military Forces of " + country, cc));
        out.add(
            new Actor(random.nextBoolean() ? "Rebel forces" : "Unidentified Armed Group", null));
      }
      case "Explosions/Remote violence" ->
          out.add(
              new Actor(
                  random.nextBoolean() ? "Military Forces of " + country : "Militants",
                  random.nextBoolean() ? cc : null));
      case "Violence against civilians" -> {
        out.add(new Actor("Unidentified Armed Group", null));
        out.add(new Actor("Civilians", cc));
      }
      case "Protests" -> out.add(new Actor("Protesters", cc));
      case "Riots" -> {
        out.add(new Actor("Rioters", cc));
        out.add(new Actor("Police Forces of " + country, cc));
      }
      case "Strategic developments" -> out.add(new Actor("Government of " + country, cc));
      default -> {
        // unclassified: nobody named
      }
    }
    return out;
  }
}
