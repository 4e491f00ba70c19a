package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;

/**
 * Text in, resolved places out. A library: no database, no server. Thread-safe; reuse one instance.
 *
 * <p>Two steps: the {@link Spotter} finds names (capitalised runs matched against the gazetteer,
 * person names and common words set aside), then the {@link Resolver} picks one place for each from
 * its candidates in the light of the whole text.
 */
public final class Geoparser {
  private final Gazetteer gazetteer;
  private final Aliases aliases;
  private final Weights weights;

  /**
   * What the parser knows of the names it saw last, whatever the text: each name's places and, once
   * asked for, their ranking by prior. A common name ("Washington", a hundred namesakes) is looked
   * up and ranked once, not a hundred scattered reads of the gazetteer per text.
   */
  private final RecentNames<Candidates.Known> recent;

  /**
   * Names kept: tens of thousands cover the names of a news stream. (Tables a quarter of this size
   * and of {@link #VOCABULARY}, to stay in the processor's cache, were no faster on the development
   * corpora.)
   */
  private static final int RECENT_NAMES = 1 << 15;

  /** The words of the texts read last, with their forms and facts (see {@link Word}). */
  private final Words vocabulary;

  /** Words kept: at most some 10 MB with their forms and facts. */
  private static final int VOCABULARY = 1 << 16;

  public Geoparser(Gazetteer gazetteer) {
    this(gazetteer, Weights.DEFAULT);
  }

  /** A parser with other resolver weights, for tuning them. */
  public Geoparser(Gazetteer gazetteer, Weights weights) {
    this(gazetteer, weights, RECENT_NAMES, VOCABULARY);
  }

  /** A parser that keeps at most so many names and words across texts (powers of two, >= 2). */
  Geoparser(Gazetteer gazetteer, Weights weights, int namesKept, int wordsKept) {
    this.gazetteer = gazetteer;
    this.aliases = new Aliases(gazetteer);
    this.weights = weights;
    this.recent = new RecentNames<>(namesKept);
    this.vocabulary = new Words(wordsKept);
  }

  /** The places a text names, in text order. */
  public List<Mention> parse(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Document doc = new Document(text, vocabulary);
    Candidates candidates = new Candidates(gazetteer, recent);
    return Resolver.resolve(
        weights, candidates, doc, Spotter.spot(gazetteer, aliases, candidates, doc));
  }

  /**
   * As {@link #parse}, then a town or region abroad that nothing else in the text goes abroad with
   * is read in the country the text is about ({@link CountryContext}). For conflict news, where an
   * article is about one or two countries; on GeoWebNews it cost 0.6 points of end-to-end acc@161
   * km, so plain {@link #parse} (and the {@code eval} command) leave it out.
   */
  public List<Mention> parseInCountryContext(String text) {
    return CountryContext.apply(parse(text), this::candidates);
  }

  /**
   * Resolves given stretches of a text, as if the spotter had found exactly these: the geocoder
   * alone, for evaluation on hand-annotated names. Each span is {start, end} in characters, end
   * exclusive; the answer has one entry per span, null where the span has no candidate place.
   */
  public List<Mention> resolveAt(String text, List<int[]> spans) {
    Document doc = new Document(text == null ? "" : text, vocabulary);
    List<Span> given = new ArrayList<>(spans.size());
    List<Integer> index = new ArrayList<>(spans.size());
    for (int k = 0; k < spans.size(); k++) {
      Span s = spanAt(doc, spans.get(k)[0], spans.get(k)[1]);
      if (s != null) {
        given.add(s);
        index.add(k);
      }
    }
    List<Mention> resolved =
        Resolver.resolveEach(weights, new Candidates(gazetteer, recent), doc, given);
    List<Mention> out = new ArrayList<>(Collections.nCopies(spans.size(), (Mention) null));
    for (int k = 0; k < given.size(); k++) {
      out.set(index.get(k), resolved.get(k));
    }
    return out;
  }

  /**
   * The places a name could stand for, in no particular order: what the resolver chooses from when
   * the name stands alone.
   */
  public List<Place> candidates(String name) {
    Optional<Aliases.Alias> alias = aliases.exactly(name);
    if (alias.isPresent()) {
      return List.of(alias.get().place());
    }
    Optional<Place> people = gazetteer.demonym(name);
    if (people.isPresent()) {
      return List.of(people.get());
    }
    return gazetteer.lookupNormalized(Names.normalize(name));
  }

  private Span spanAt(Document doc, int start, int end) {
    int[] tokens = doc.tokensCovering(start, end);
    if (tokens == null) {
      return null;
    }
    int first = tokens[0];
    int last = tokens[1];
    String surface = doc.text.substring(start, end);
    String folded = Names.normalize(surface);
    Optional<Aliases.Alias> alias = aliases.exactly(surface);
    if (alias.isPresent()) {
      Aliases.Alias a = alias.get();
      return new Span(
          first, last, start, end, folded, a.place(), a.use() == Aliases.Use.DEMONYM, false, false);
    }
    Optional<Place> people = gazetteer.demonym(surface);
    if (people.isPresent()) {
      return new Span(first, last, start, end, folded, people.get(), true, false, false);
    }
    return new Span(
        first,
        last,
        start,
        end,
        folded,
        null,
        false,
        Spotter.regionCue(doc, first, last),
        Spotter.near(doc, first));
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }
}
