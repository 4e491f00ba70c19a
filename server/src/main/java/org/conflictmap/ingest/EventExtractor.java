package org.conflictmap.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.conflictmap.events.EventTypes;
import org.conflictmap.events.NewEvent;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.Sentence;
import org.conflictmap.geoparse.Sentences;

/**
 * Turns an article body into events: one per sentence that names a place, pinned at the most
 * specific place the sentence names (a town before a region before a country). Demonyms alone ("the
 * Turkish president") locate nothing. Every event keeps its sentence and span as evidence.
 */
public final class EventExtractor {
  private static final Comparator<Mention> MOST_SPECIFIC =
      Comparator.comparing((Mention m) -> m.precision().ordinal())
          .thenComparing(Comparator.comparingDouble(Mention::confidence).reversed())
          .thenComparingInt(Mention::start);

  private final Geoparser geoparser;

  public EventExtractor(Geoparser geoparser) {
    this.geoparser = geoparser;
  }

  /**
   * The events of a body, all dated {@code date} with ACLED time precision {@code timePrecision}.
   */
  public List<NewEvent> extract(String body, LocalDate date, int timePrecision) {
    List<Mention> mentions = geoparser.parse(body);
    List<NewEvent> events = new ArrayList<>();
    for (Sentence sentence : Sentences.split(body)) {
      locate(sentence, mentions)
          .ifPresent(m -> events.add(event(sentence, m, date, timePrecision)));
    }
    return events;
  }

  private static Optional<Mention> locate(Sentence sentence, List<Mention> mentions) {
    return mentions.stream()
        .filter(m -> m.kind() == Mention.Kind.TOPONYM && sentence.contains(m.start()))
        .min(MOST_SPECIFIC);
  }

  private static NewEvent event(Sentence s, Mention m, LocalDate date, int timePrecision) {
    Place p = m.place();
    EventTypes.Type type = EventTypes.classify(s.text());
    return new NewEvent(
        date,
        type.eventType(),
        type.subEventType(),
        m.geoPrecision(),
        timePrecision,
        null,
        s.text(),
        p.key(),
        p.geonameId(),
        p.name(),
        p.countryCode(),
        m.precision().label(),
        p.lat(),
        p.lon(),
        s.text(),
        s.start(),
        s.end(),
        null,
        null,
        false,
        List.of(),
        type.eventType().equals(EventTypes.UNCLASSIFIED) ? 0 : 0.5);
  }
}
