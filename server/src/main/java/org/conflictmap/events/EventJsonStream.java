package org.conflictmap.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link EventJson}'s FeatureCollection written straight to a generator, event by event, with the
 * same bytes: no tree of the whole page, no string of it, no copy of that string's bytes. A page of
 * 1,000 events was ~2 MB of JSON built three times over before the first byte left.
 */
public final class EventJsonStream {
  private EventJsonStream() {}

  /**
   * How many events matched: {@code numberMatched} when exact, else {@code numberMatchedAtLeast}
   * (written after {@code numberReturned}, where the tree version put it).
   */
  public record Matched(long value, boolean exact) {}

  /**
   * Writes a FeatureCollection of these events, then the count, then a {@code next} link when
   * given, and flushes; the generator stays open.
   */
  public static void write(
      JsonGenerator g, List<Event> events, Matched matched, Optional<String> nextHref)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    for (Event e : events) {
      writeFeature(g, e);
    }
    g.writeEndArray();
    if (matched.exact()) {
      g.writeNumberField("numberMatched", matched.value());
      g.writeNumberField("numberReturned", events.size());
    } else {
      g.writeNumberField("numberReturned", events.size());
      g.writeNumberField("numberMatchedAtLeast", matched.value());
    }
    if (nextHref.isPresent()) {
      g.writeArrayFieldStart("links");
      g.writeStartObject();
      g.writeStringField("rel", "next");
      g.writeStringField("type", "application/geo+json");
      g.writeStringField("href", nextHref.get());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
    g.flush();
  }

  /** One event as {@link EventJson#toFeature} makes it, field for field. */
  static void writeFeature(JsonGenerator g, Event e) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeNumberField("id", e.id());
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Point");
    g.writeArrayFieldStart("coordinates");
    g.writeNumber(e.lon());
    g.writeNumber(e.lat());
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeNumberField("id", e.id());
    g.writeStringField("event_date", e.eventDate().toString());
    g.writeStringField("event_type", e.eventType());
    g.writeStringField("sub_event_type", e.subEventType());
    g.writeNumberField("geo_precision", e.geoPrecision());
    g.writeNumberField("time_precision", e.timePrecision());
    number(g, "fatalities", e.fatalities());
    g.writeStringField("notes", e.notes());
    number(g, "place_id", e.placeId());
    g.writeStringField("place_key", e.placeKey());
    g.writeStringField("place_name", e.placeName());
    g.writeStringField("country_code", e.countryCode());
    g.writeStringField("precision", e.precision());
    g.writeStringField("sentence", e.sentence());
    g.writeNumberField("sentence_start", e.sentenceStart());
    g.writeNumberField("sentence_end", e.sentenceEnd());
    g.writeNumberField("article_id", e.articleId());
    g.writeStringField("article_title", e.articleTitle());
    g.writeStringField("source_url", e.sourceUrl());
    g.writeStringField(
        "event_date_end", e.eventDateEnd() == null ? null : e.eventDateEnd().toString());
    number(g, "injuries", e.injuries());
    g.writeBooleanField("planned", e.planned());
    g.writeArrayFieldStart("actors");
    for (Actor a : e.actors()) {
      g.writeString(a.name());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("actor_details");
    for (Actor a : e.actors()) {
      g.writeStartObject();
      g.writeStringField("name", a.name());
      g.writeStringField("country_code", a.countryCode());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (e.typeConfidence() == null) {
      g.writeNullField("type_confidence");
    } else {
      g.writeNumberField("type_confidence", e.typeConfidence().doubleValue());
    }
    g.writeArrayFieldStart("sources");
    for (EventSource s : e.sources()) {
      g.writeStartObject();
      g.writeNumberField("article_id", s.articleId());
      g.writeStringField("article_title", s.articleTitle());
      g.writeStringField("source_url", s.sourceUrl());
      g.writeStringField("sentence", s.sentence());
      g.writeNumberField("sentence_start", s.sentenceStart());
      g.writeNumberField("sentence_end", s.sentenceEnd());
      number(g, "fatalities", s.fatalities());
      number(g, "injuries", s.injuries());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("corroboration", e.corroboration());
    g.writeArrayFieldStart("corrected");
    for (String c : e.corrected()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Number n) throws IOException {
    if (n == null) {
      g.writeNullField(name);
    } else if (n instanceof Integer i) {
      g.writeNumberField(name, i.intValue());
    } else {
      g.writeNumberField(name, n.longValue());
    }
  }
}
