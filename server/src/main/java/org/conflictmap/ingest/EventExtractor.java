package org.conflictmap.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.conflictmap.events.EventTypes;
import org.conflictmap.events.NewEvent;
import org.conflictmap.extract.Actors;
import org.conflictmap.extract.Anaphora;
import org.conflictmap.extract.Background;
import org.conflictmap.extract.Casualties;
import org.conflictmap.extract.Clauses;
import org.conflictmap.extract.Dateline;
import org.conflictmap.extract.Dates;
import org.conflictmap.extract.PlaceConfidence;
import org.conflictmap.extract.Planned;
import org.conflictmap.extract.Regions;
import org.conflictmap.extract.When;
import org.conflictmap.extract.Where;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.CountryContext;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.Sentence;
import org.conflictmap.geoparse.Sentences;

/**
 * Turns an article body into events, ACLED-style: one event per distinct (place, date, type) that
 * the article reports. A sentence yields an event where it puts something that happened (a cue of
 * the type table, or casualties) at a place ({@link Where}); the event carries its type and
 * confidence ({@link EventTypes}), its date resolved against the article's ({@link Dates}),
 * planned-ness ({@link Planned}), fatalities and injuries ({@link Casualties}), its actors ({@link
 * Actors}), and the sentence and its span as evidence.
 */
public final class EventExtractor {
  /** "Later the same day": the date of the sentence before. */
  private static final Pattern SAME_DAY =
      Pattern.compile(
          "\\b(?:the same day|that same day|later that day|that day)\\b", Pattern.CASE_INSENSITIVE);

  /** "Thousands also marched in Mandalay.": more of what the sentence before dated. */
  private static final Pattern ALSO =
      Pattern.compile("\\b(?:also|too|as well)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");

  private final Geoparser geoparser;
  private final Actors actors;

  public EventExtractor(Geoparser geoparser) {
    this.geoparser = geoparser;
    this.actors = new Actors(geoparser.gazetteer());
  }

  /**
   * The events of a body. {@code date} is the article's date and {@code timePrecision} how well it
   * is known (1 when the article is dated, 3 when we only know when we read it): dates the text
   * gives are resolved against it, and an event whose sentence gives none takes it.
   */
  public List<NewEvent> extract(String body, LocalDate date, int timePrecision) {
    return extractWithEvidence(body, date, timePrecision).stream().map(Extracted::event).toList();
  }

  /** An extracted event with the evidence its place confidence was computed from. */
  public record Extracted(NewEvent event, double[] placeEvidence) {}

  /**
   * As {@link #extract}, with each event's place evidence ({@link PlaceConfidence#FEATURES}), for
   * fitting the place confidence model.
   */
  public List<Extracted> extractWithEvidence(String original, LocalDate date, int timePrecision) {
    List<Mention> mentions = geoparser.parseInCountryContext(original);
    CountryContext context = CountryContext.of(mentions);
    // "KORHOGO, Ivory Coast (Newswire) — …": the dateline is where the article was filed, no part
    // of the first sentence; its names locate no event by themselves
    Dateline.Found dateline = Dateline.of(original, geoparser.gazetteer()).orElse(null);
    String body = dateline == null ? original : Dateline.cut(original, dateline);
    if (dateline != null) {
      mentions = mentions.stream().filter(m -> m.start() >= dateline.end()).toList();
    }
    Map<String, NewEvent> events = new LinkedHashMap<>();
    Map<String, double[]> evidence = new java.util.HashMap<>();
    When previous = null;
    String last = null;
    Where.Located lastPlace = null;
    List<Sentence> sentences = Sentences.split(body);
    List<List<Mention>> bySentence = bySentence(sentences, mentions);
    for (int si = 0; si < sentences.size(); si++) {
      Sentence sentence = sentences.get(si);
      // the mentions that can lie in this sentence, in their order: reading every mention of the
      // article for every sentence made a long article quadratic
      List<Mention> near = bySentence == null ? mentions : bySentence.get(si);
      List<Where.Located> located = Where.in(body, sentence, near);
      String text = sentence.text();
      Casualties casualties = Casualties.in(text);
      located =
          withoutEnclosingRegions(
              body, located.stream().map(l -> Regions.townOf(body, l)).toList());
      located = withoutRoadsFarEnd(body, located);
      List<EventTypes.Cue> cues = EventTypes.cues(text);
      // "In 2019, gunmen attacked a hotel in Gwadar": context from an earlier year or a long span
      boolean background = Background.of(text, date);
      if (background) {
        located = List.of();
      }
      // "in the capital" with no name: the dateline's capital; "the city": the report before,
      // else the dateline's place
      Optional<Where.Located> unnamed = Dateline.unnamed(text, dateline, lastPlace);
      Where.Located anchor =
          unnamed.orElse(lastPlace != null ? lastPlace : dateline == null ? null : dateline.city());
      if (located.isEmpty()
          && si == 0
          && dateline != null
          && dateline.city() != null
          && !background) {
        // "TAMALE, Ghana — Gunmen attacked a police post on Tuesday": a lead that names no town
        // (or only the dateline's) is at the dateline; one that names a town it could not place is
        // not
        if (near.stream()
            .noneMatch(
                m ->
                    sentence.contains(m.start())
                        && m.place().precision() == Precision.TOWN
                        && !m.place().key().equals(dateline.city().mention().place().key()))) {
          located = List.of(dateline.city());
        }
      } else if (located.isEmpty() && anchor != null && !background) {
        // "Hundreds rallied outside parliament on Thursday.": a new event, named by a firm cue
        // and a date of its own or "the same area", at the place of the report before
        Optional<Where.Located> carried =
            Anaphora.carried(text, cues, previous, date, anchor, unnamed.isPresent());
        if (carried.isPresent()) {
          located = List.of(carried.get());
        }
      }
      if (!located.isEmpty()) {
        List<Clauses.Clause> clauses = Clauses.of(text);
        Map<Where.Located, Casualties> counted = count(sentence, clauses, located, casualties);
        last = null;
        for (Where.Located loc : located) {
          Casualties own = counted.getOrDefault(loc, Casualties.NONE);
          Optional<NewEvent> e =
              event(sentence, clauses, loc, cues, own, date, timePrecision, previous);
          if (e.isPresent()) {
            double[] x =
                PlaceConfidence.features(
                    body, loc, !sentence.contains(loc.mention().start()), context);
            e = Optional.of(e.get().withPlaceConfidence(PlaceConfidence.of(x)));
            String k = key(e.get());
            evidence.putIfAbsent(k, x);
            if (last == null) {
              last = k;
              lastPlace = loc;
            }
            events.merge(k, e.get(), EventExtractor::merge);
          }
        }
      } else if (last != null
          && !background
          && !casualties.equals(Casualties.NONE)
          && followsUp(sentence, near)) {
        // "Three more people were wounded.": figures in the next sentence, naming no place,
        // belong to the event just reported
        Integer toll = Casualties.tollUpdate(text);
        events.computeIfPresent(last, (k, e) -> withFigures(e, casualties, toll));
        last = null;
      } else {
        last = null;
      }
      List<When> stated = Dates.in(text, date, false, previous);
      if (!stated.isEmpty()) {
        previous = stated.get(stated.size() - 1);
      }
    }
    List<Extracted> out = new ArrayList<>(events.size());
    events.forEach((k, e) -> out.add(new Extracted(e, evidence.get(k))));
    return out;
  }

  /**
   * Which place each clause's casualties belong to: the nearest located place in the same clause,
   * else the nearest in the sentence. "Shelling killed four in Homs, and a blast wounded two in
   * Hama" gives each town its own figures.
   */
  private static Map<Where.Located, Casualties> count(
      Sentence s, List<Clauses.Clause> clauses, List<Where.Located> located, Casualties all) {
    Map<Where.Located, Casualties> out = new java.util.HashMap<>();
    if (all.equals(Casualties.NONE)) {
      return out;
    }
    boolean split = false;
    if (clauses.size() > 1) {
      for (Clauses.Clause c : clauses) {
        Casualties own = Casualties.in(c.text());
        if (own.equals(Casualties.NONE)) {
          continue;
        }
        List<Where.Located> inside =
            located.stream().filter(l -> c.contains(l.mention().start() - s.start())).toList();
        Where.Located to =
            nearestTo(
                inside.isEmpty() ? located : inside,
                Casualties.position(c.text()) + c.start() + s.start());
        out.merge(to, own, EventExtractor::lowerOf);
        split = true;
      }
    }
    if (!split) {
      out.put(nearestTo(located, Casualties.position(s.text()) + s.start()), all);
    }
    return out;
  }

  private static Casualties lowerOf(Casualties a, Casualties b) {
    return new Casualties(
        a.fatalities() != null ? a.fatalities() : b.fatalities(),
        a.injuries() != null ? a.injuries() : b.injuries());
  }

  private Optional<NewEvent> event(
      Sentence s,
      List<Clauses.Clause> clauses,
      Where.Located loc,
      List<EventTypes.Cue> cues,
      Casualties casualties,
      LocalDate date,
      int timePrecision,
      When previous) {
    String text = s.text();
    Mention m = loc.mention();
    boolean carried = !s.contains(m.start());
    int at = carried ? 0 : m.start() - s.start();
    // the place's own clause speaks for it, when it has a cue of its own
    Clauses.Clause clause = carried ? null : Clauses.at(clauses, at);
    List<EventTypes.Cue> own =
        clause == null ? cues : cues.stream().filter(c -> clause.contains(c.start())).toList();
    Optional<EventTypes.Cue> cue =
        EventTypes.best(own.isEmpty() ? cues : own, at)
            // a protest's sub-type from the whole sentence: one "met with tear gas" in the next
            // clause is still a protest with intervention; other sub-types are events of their own
            .flatMap(
                c ->
                    EventTypes.best(
                        (c.rule().eventType().equals("Protests")
                                ? cues
                                : own.isEmpty() ? cues : own)
                            .stream()
                                .filter(x -> x.rule().eventType().equals(c.rule().eventType()))
                                .toList(),
                        at));
    if (cue.isEmpty() && casualties.fatalities() == null && casualties.injuries() == null) {
      return Optional.empty(); // a place named, nothing reported to have happened there
    }
    EventTypes.Type type = cue.map(c -> EventTypes.typeOf(c, cues)).orElse(EventTypes.Type.NONE);
    int cueStart = cue.map(EventTypes.Cue::start).orElse(at);
    int cueEnd = cue.map(EventTypes.Cue::end).orElse(m.end() - s.start());
    boolean planned = Planned.around(text, cueStart, cueEnd);
    When when = when(text, date, timePrecision, planned, at, previous, clause);
    if (when.from().isAfter(date)) {
      planned = true; // a date after the article's cannot have happened yet
    }
    Place p = m.place();
    return Optional.of(
        new NewEvent(
            when.from(),
            type.eventType(),
            type.subEventType(),
            loc.geoPrecision(),
            when.precision(),
            planned ? null : casualties.fatalities(),
            text,
            p.key(),
            p.geonameId(),
            p.name(),
            p.countryCode(),
            m.precision().label(),
            p.lat(),
            p.lon(),
            text,
            s.start(),
            s.end(),
            when.to(),
            planned ? null : casualties.injuries(),
            planned,
            actors.in(text),
            org.conflictmap.events.Calibration.of(type.confidence()),
            null));
  }

  /**
   * The sentence's date nearest the place; "the same day" takes the previous sentence's date; a
   * sentence without a date takes the article's. When the article's own date is only assumed, dates
   * relative to it are no more precise than it is.
   */
  private static When when(
      String text,
      LocalDate date,
      int timePrecision,
      boolean planned,
      int at,
      When previous,
      Clauses.Clause clause) {
    List<When> dates = Dates.in(text, date, planned, previous);
    List<When> inClause =
        clause == null
            ? List.of()
            : dates.stream().filter(w -> clause.contains(w.start())).toList();
    Optional<When> nearest =
        (inClause.isEmpty() ? dates : inClause)
            .stream().min(Comparator.comparingInt(w -> Math.abs(w.start() - at)));
    if (nearest.isPresent()) {
      When w = nearest.get();
      boolean absolute = YEAR.matcher(text.substring(w.start(), w.end())).find();
      int precision = absolute ? w.precision() : Math.max(w.precision(), timePrecision);
      return new When(w.start(), w.end(), w.from(), w.to(), precision);
    }
    if (previous != null && (SAME_DAY.matcher(text).find() || ALSO.matcher(text).find())) {
      return previous;
    }
    return When.assumed(date, timePrecision);
  }

  /**
   * Whether a sentence can only be adding to the report before it: it names no place or people and
   * speaks of no total ("the war has killed 400,000 since 2011" is not the attack's toll).
   */
  /**
   * Each sentence's mentions (those starting inside it), in the mentions' order; {@code null} when
   * the sentences are not non-empty, sorted and disjoint, and every sentence must then read every
   * mention. Only a narrowing: callers still test {@link Sentence#contains}, so the result is the
   * same.
   */
  static List<List<Mention>> bySentence(List<Sentence> sentences, List<Mention> mentions) {
    int[] starts = new int[sentences.size()];
    for (int i = 0; i < starts.length; i++) {
      Sentence s = sentences.get(i);
      if (s.end() <= s.start() || (i > 0 && s.start() < sentences.get(i - 1).end())) {
        return null;
      }
      starts[i] = s.start();
    }
    List<List<Mention>> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      out.add(new ArrayList<>());
    }
    for (Mention m : mentions) {
      int i = java.util.Arrays.binarySearch(starts, m.start());
      if (i < 0) {
        i = -i - 2; // the last sentence starting before the mention
      }
      if (i >= 0 && sentences.get(i).contains(m.start())) {
        out.get(i).add(m);
      }
    }
    return out;
  }

  private static boolean followsUp(Sentence s, List<Mention> mentions) {
    return mentions.stream().noneMatch(m -> s.contains(m.start()))
        && !TOTALS.matcher(s.text()).find();
  }

  private static final Pattern TOTALS =
      Pattern.compile(
          "\\b(?:(?:the|this|that|its) (?:war|conflict|campaign)|since|in total|overall|in all|so far"
              + "|this year|last year)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A region named only to say where a town of the same sentence lies is not an event: the town's
   * first-level region, or a region the text puts the town in ("the town of Shusha in
   * Nagorno-Karabakh", "near Monywa in Sagaing region").
   */
  private static List<Where.Located> withoutEnclosingRegions(
      String body, List<Where.Located> located) {
    return located.stream()
        .filter(
            r ->
                r.mention().precision() == Precision.TOWN
                    || located.stream()
                        .noneMatch(
                            t ->
                                t != r
                                    && (t.mention().precision() == Precision.TOWN
                                            && t.mention()
                                                .place()
                                                .admin1Key()
                                                .equals(r.mention().place().key())
                                        || Regions.puts(body, t.mention(), r.mention()))))
        .toList();
  }

  /** "on the road between Kidal and Gao": the road's first end. */
  private static final Pattern ROAD_BETWEEN =
      Pattern.compile(
          "(?i)\\b(?:road|highway|route|railway|track|stretch|way) between (?:the )?(?:town of )?$");

  /**
   * An attack on the road between two towns is one event, which ACLED places at the first town
   * named; the second only says where the road goes.
   */
  private static List<Where.Located> withoutRoadsFarEnd(String body, List<Where.Located> located) {
    List<Where.Located> out = new ArrayList<>(located);
    for (Where.Located a : located) {
      int from = Math.max(0, a.mention().start() - 60);
      if (!ROAD_BETWEEN.matcher(body.substring(from, a.mention().start())).find()) {
        continue;
      }
      out.removeIf(
          b ->
              b.mention().start() > a.mention().end()
                  && body.substring(a.mention().end(), b.mention().start()).equals(" and "));
    }
    return out;
  }

  private static Where.Located nearestTo(List<Where.Located> located, int at) {
    return located.stream()
        .min(Comparator.comparingInt(l -> Math.abs(l.mention().start() - at)))
        .orElseThrow();
  }

  /**
   * Figures from a follow-up sentence, where the event has none of its own; an updated toll ("the
   * death toll rose to 19") replaces the event's deaths.
   */
  private static NewEvent withFigures(NewEvent e, Casualties c, Integer toll) {
    if (e.planned()) {
      return e;
    }
    Integer fatalities =
        toll != null ? toll : e.fatalities() != null ? e.fatalities() : c.fatalities();
    Integer injuries = e.injuries() != null ? e.injuries() : c.injuries();
    return new NewEvent(
        e.eventDate(),
        e.eventType(),
        e.subEventType(),
        e.geoPrecision(),
        e.timePrecision(),
        fatalities,
        e.notes(),
        e.placeKey(),
        e.placeId(),
        e.placeName(),
        e.countryCode(),
        e.precision(),
        e.lat(),
        e.lon(),
        e.sentence(),
        e.sentenceStart(),
        e.sentenceEnd(),
        e.eventDateEnd(),
        injuries,
        e.planned(),
        e.actors(),
        e.typeConfidence(),
        e.placeConfidence());
  }

  /** ACLED's unit: one event per place, day and type (a planned event is another thing). */
  private static String key(NewEvent e) {
    return e.placeKey() + "|" + e.eventDate() + "|" + e.eventType() + "|" + e.planned();
  }

  /** The same report twice: keep the first evidence, fill in what it lacks. */
  private static NewEvent merge(NewEvent a, NewEvent b) {
    List<org.conflictmap.events.Actor> actors = new ArrayList<>(a.actors());
    b.actors().stream().filter(x -> !actors.contains(x)).forEach(actors::add);
    return new NewEvent(
        a.eventDate(),
        a.eventType(),
        a.typeConfidence() >= b.typeConfidence() ? a.subEventType() : b.subEventType(),
        Math.min(a.geoPrecision(), b.geoPrecision()),
        Math.min(a.timePrecision(), b.timePrecision()),
        a.fatalities() != null ? a.fatalities() : b.fatalities(),
        a.notes(),
        a.placeKey(),
        a.placeId(),
        a.placeName(),
        a.countryCode(),
        a.precision(),
        a.lat(),
        a.lon(),
        a.sentence(),
        a.sentenceStart(),
        a.sentenceEnd(),
        a.eventDateEnd() != null ? a.eventDateEnd() : b.eventDateEnd(),
        a.injuries() != null ? a.injuries() : b.injuries(),
        a.planned(),
        actors,
        Math.max(a.typeConfidence(), b.typeConfidence()),
        a.placeConfidence());
  }
}
