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

  public Geoparser(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The places a text names, in text order. */
  public List<Mention> parse(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Document doc = new Document(text);
    return Resolver.resolve(gazetteer, doc, Spotter.spot(gazetteer, doc));
  }

  /**
   * Resolves given stretches of a text, as if the spotter had found exactly these: the geocoder
   * alone, for evaluation on hand-annotated names. Each span is {start, end} in characters, end
   * exclusive; the answer has one entry per span, null where the span has no candidate place.
   */
  public List<Mention> resolveAt(String text, List<int[]> spans) {
    Document doc = new Document(text == null ? "" : text);
    List<Span> given = new ArrayList<>(spans.size());
    List<Integer> index = new ArrayList<>(spans.size());
    for (int k = 0; k < spans.size(); k++) {
      Span s = spanAt(doc, spans.get(k)[0], spans.get(k)[1]);
      if (s != null) {
        given.add(s);
        index.add(k);
      }
    }
    List<Mention> resolved = Resolver.resolveEach(gazetteer, doc, given);
    List<Mention> out = new ArrayList<>(Collections.nCopies(spans.size(), (Mention) null));
    for (int k = 0; k < given.size(); k++) {
      out.set(index.get(k), resolved.get(k));
    }
    return out;
  }

  /** The places a name could stand for, in no particular order: what the resolver chooses from. */
  public List<Place> candidates(String name) {
    String folded = Names.normalize(name);
    List<Place> found = gazetteer.lookupNormalized(folded);
    if (found.isEmpty()) {
      return gazetteer.demonym(name).map(List::of).orElse(List.of());
    }
    return found;
  }

  private Span spanAt(Document doc, int start, int end) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < doc.size(); i++) {
      Token t = doc.token(i);
      if (t.end() > start && t.start() < end) {
        if (first < 0) {
          first = i;
        }
        last = i;
      } else if (t.start() >= end) {
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    String surface = doc.text.substring(start, end);
    String folded = Names.normalize(surface);
    if (!gazetteer.containsNormalized(folded)) {
      Optional<Place> country = gazetteer.demonym(surface);
      if (country.isPresent()) {
        return new Span(first, last, start, end, folded, country.get(), false, false);
      }
    }
    return new Span(first, last, start, end, folded, null, false, false);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }
}
