package org.conflictmap.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link EventJson}'s FeatureCollection written straight to a generator, event by event as the
 * store reads them, with the same bytes: no tree per feature, no list of the page's events, no
 * string of the page. {@code EventJsonStreamTest} holds the two to the same bytes.
 */
public final class EventJsonStream {
  private EventJsonStream() {}

  /**
   * How many events matched: {@code numberMatched} when exact, else {@code numberMatchedAtLeast}
   * (written after {@code numberReturned}, where the tree version put it).
   */
  public record Matched(long value, boolean exact) {}

  /** Where a page's events come from: hands each to the sink in list order. */
  @FunctionalInterface
  public interface Source {
    void into(EventSink sink) throws IOException;
  }

  /** {@link #write(JsonGenerator, Source, Optional, Optional)} of events already in a list. */
  public static void write(
      JsonGenerator g, List<Event> events, Matched matched, Optional<String> nextHref)
      throws IOException {
    write(
        g,
        sink -> {
          for (Event e : events) {
            sink.accept(e);
          }
        },
        Optional.of(matched),
        nextHref);
  }

  /**
   * Writes a FeatureCollection of the events the source hands over, then the count ({@code
   * matched}, or exactly as many as were written when empty), then a {@code next} link when given,
   * and flushes; the generator stays open.
   */
  public static void write(
      JsonGenerator g, Source events, Optional<Matched> matched, Optional<String> nextHref)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    int[] returned = {0};
    events.into(
        e -> {
          writeFeature(g, e);
          returned[0]++;
        });
    g.writeEndArray();
    Matched m = matched.orElse(new Matched(returned[0], true));
    if (m.exact()) {
      g.writeNumberField("numberMatched", m.value());
      g.writeNumberField("numberReturned", returned[0]);
    } else {
      g.writeNumberField("numberReturned", returned[0]);
      g.writeNumberField("numberMatchedAtLeast", m.value());
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

  /**
   * One event as {@link EventJson#toFeature} makes it, field for field in the same order, written
   * without a tree: building one per feature was a seventh of the profile of /api/events under load
   * (214 of 1,463 samples).
   */
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
    g.writeStringField("event_id_cnty", e.eventIdCnty());
    g.writeStringField("event_date", e.eventDate().toString());
    g.writeStringField("event_type", e.eventType());
    g.writeStringField("sub_event_type", e.subEventType());
    g.writeNumberField("geo_precision", e.geoPrecision());
    g.writeNumberField("time_precision", e.timePrecision());
    writeNumber(g, "fatalities", e.fatalities());
    g.writeStringField("notes", e.notes());
    writeNumber(g, "place_id", e.placeId());
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
    writeNumber(g, "injuries", e.injuries());
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
    writeNumber(g, "type_confidence", e.typeConfidence());
    writeNumber(g, "place_confidence", e.placeConfidence());
    g.writeArrayFieldStart("sources");
    for (EventSource s : e.sources()) {
      g.writeStartObject();
      g.writeNumberField("article_id", s.articleId());
      g.writeStringField("article_title", s.articleTitle());
      g.writeStringField("source_url", s.sourceUrl());
      g.writeStringField("sentence", s.sentence());
      g.writeNumberField("sentence_start", s.sentenceStart());
      g.writeNumberField("sentence_end", s.sentenceEnd());
      writeNumber(g, "fatalities", s.fatalities());
      writeNumber(g, "injuries", s.injuries());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("corroboration", e.corroboration());
    g.writeArrayFieldStart("corrected");
    for (String field : e.corrected()) {
      g.writeString(field);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A number, or null as the tree writes a null Integer, Long or Double. */
  private static void writeNumber(JsonGenerator g, String name, Number n) throws IOException {
    g.writeFieldName(name);
    if (n == null) {
      g.writeNull();
    } else if (n instanceof Integer i) {
      g.writeNumber(i);
    } else if (n instanceof Long l) {
      g.writeNumber(l);
    } else {
      g.writeNumber(n.doubleValue());
    }
  }
}
