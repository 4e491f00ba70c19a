package org.conflictmap.geoparse;

import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;

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

  public Gazetteer gazetteer() {
    return gazetteer;
  }
}
