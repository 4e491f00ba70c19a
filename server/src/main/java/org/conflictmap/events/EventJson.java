package org.conflictmap.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Events as GeoJSON (RFC 7946): a Point Feature each, properties named as ACLED names its fields.
 */
public final class EventJson {
  private EventJson() {}

  public static ObjectNode toFeature(Event e, ObjectMapper m) {
    ObjectNode f = m.createObjectNode();
    f.put("type", "Feature");
    f.put("id", e.id());
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Point");
    g.putArray("coordinates").add(e.lon()).add(e.lat());
    ObjectNode p = f.putObject("properties");
    p.put("id", e.id());
    p.put("event_id_cnty", e.eventIdCnty());
    p.put("event_date", e.eventDate().toString());
    p.put("event_type", e.eventType());
    p.put("sub_event_type", e.subEventType());
    p.put("geo_precision", e.geoPrecision());
    p.put("time_precision", e.timePrecision());
    p.put("fatalities", e.fatalities()); // null: the text states no figure
    p.put("notes", e.notes());
    p.put("place_id", e.placeId()); // null where the place has no GeoNames id
    p.put("place_key", e.placeKey());
    p.put("place_name", e.placeName());
    p.put("country_code", e.countryCode());
    p.put("precision", e.precision());
    p.put("sentence", e.sentence());
    p.put("sentence_start", e.sentenceStart());
    p.put("sentence_end", e.sentenceEnd());
    p.put("article_id", e.articleId());
    p.put("article_title", e.articleTitle());
    p.put("source_url", e.sourceUrl());
    p.put("event_date_end", e.eventDateEnd() == null ? null : e.eventDateEnd().toString());
    p.put("injuries", e.injuries()); // null: the text states no figure
    p.put("planned", e.planned());
    ArrayNode actors = p.putArray("actors");
    ArrayNode actorDetails = p.putArray("actor_details");
    for (Actor a : e.actors()) {
      actors.add(a.name());
      actorDetails.addObject().put("name", a.name()).put("country_code", a.countryCode());
    }
    p.put("type_confidence", e.typeConfidence());
    p.put("place_confidence", e.placeConfidence()); // null: stored before the place model
    ArrayNode sources = p.putArray("sources");
    for (EventSource s : e.sources()) {
      sources
          .addObject()
          .put("article_id", s.articleId())
          .put("article_title", s.articleTitle())
          .put("source_url", s.sourceUrl())
          .put("sentence", s.sentence())
          .put("sentence_start", s.sentenceStart())
          .put("sentence_end", s.sentenceEnd())
          .put("fatalities", s.fatalities())
          .put("injuries", s.injuries());
    }
    p.put("corroboration", e.corroboration());
    ArrayNode corrected = p.putArray("corrected");
    e.corrected().forEach(corrected::add);
    return f;
  }

  /**
   * A FeatureCollection; {@code matched} is how many events the filter matched before the limit.
   */
  public static ObjectNode toFeatureCollection(List<Event> events, long matched, ObjectMapper m) {
    ObjectNode fc = m.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Event e : events) {
      features.add(toFeature(e, m));
    }
    fc.put("numberMatched", matched);
    fc.put("numberReturned", events.size());
    return fc;
  }
}
