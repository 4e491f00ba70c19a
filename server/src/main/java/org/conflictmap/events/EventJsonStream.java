package org.conflictmap.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      ObjectMapper m,
      JsonGenerator g,
      List<Event> events,
      Matched matched,
      Optional<String> nextHref)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    for (Event e : events) {
      writeFeature(m, g, e);
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

  /**
   * One event, as {@link EventJson#toFeature} makes it: one small tree at a time, so the feature
   * has one definition and the page never exists whole in memory.
   */
  static void writeFeature(ObjectMapper m, JsonGenerator g, Event e) throws IOException {
    m.writeTree(g, EventJson.toFeature(e, m));
  }
}
