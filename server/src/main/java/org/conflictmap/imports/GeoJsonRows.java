package org.conflictmap.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a GeoJSON FeatureCollection (or one Feature) feature by feature, streaming: properties
 * under ACLED's names are taken as they are, and those our export writes ({@code place_name},
 * {@code actor_details}, {@code sources}, …) are given their CSV column names.
 */
final class GeoJsonRows {
  /** Our GeoJSON property → our CSV column. */
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("place_id", "cm_place_id"),
          Map.entry("place_key", "cm_place_key"),
          Map.entry("place_name", "location"),
          Map.entry("country_code", "cm_country_code"),
          Map.entry("precision", "cm_precision"),
          Map.entry("sentence", "cm_sentence"),
          Map.entry("sentence_start", "cm_sentence_start"),
          Map.entry("sentence_end", "cm_sentence_end"),
          Map.entry("article_title", "source"),
          Map.entry("source_url", "cm_source_url"),
          Map.entry("event_date_end", "cm_event_date_end"),
          Map.entry("injuries", "cm_injuries"),
          Map.entry("planned", "cm_planned"),
          Map.entry("type_confidence", "cm_type_confidence"),
          Map.entry("place_confidence", "cm_place_confidence"));

  private GeoJsonRows() {}

  static boolean read(Reader in, ObjectMapper json, RowSink sink) throws IOException {
    try (JsonParser p = json.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        sink.problem(new RowProblem(0, null, "GeoJSON must be a FeatureCollection object"));
        return false;
      }
      int row = 0;
      String type = null;
      boolean sawFeatures = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("features") && t == JsonToken.START_ARRAY) {
          sawFeatures = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode feature = p.readValueAsTree();
            feature(++row, feature, sink);
          }
        } else if (name.equals("type") && t == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if (name.equals("properties") || name.equals("geometry")) {
          // a single Feature: read it whole (it is one row)
          return single(p, name, sink);
        } else {
          p.skipChildren();
        }
      }
      if (!sawFeatures) {
        sink.problem(
            new RowProblem(
                0,
                null,
                "GeoJSON "
                    + (type == null ? "without a type" : type)
                    + " has no features: a FeatureCollection of Point features is needed"));
        return false;
      }
      return true;
    } catch (CharacterCodingException e) {
      sink.problem(new RowProblem(0, null, TextDecoding.notUtf8()));
      return false;
    } catch (JsonProcessingException e) {
      sink.problem(
          new RowProblem(
              0,
              null,
              "not valid JSON at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + e.getOriginalMessage()));
      return false;
    }
  }

  private static boolean single(JsonParser p, String first, RowSink sink) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode f =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    f.set(first, p.readValueAsTree());
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      f.set(name, p.readValueAsTree());
    }
    feature(1, f, sink);
    return true;
  }

  private static void feature(int row, JsonNode feature, RowSink sink) {
    Map<String, String> fields = new HashMap<>();
    JsonNode props = feature.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isValueNode() && !v.isNull()) {
        fields.put(RENAMED.getOrDefault(e.getKey(), e.getKey()), v.asText());
      }
    }
    fields.remove("id"); // our store's id, not the event's
    JsonNode actors = props.path("actor_details");
    if (actors.isArray()) {
      fields.put("cm_actors", actors.toString());
      fields.remove("actors");
    }
    JsonNode sources = props.path("sources");
    if (sources.isArray() && sources.size() > 1) {
      fields.put("cm_sources", sources.toString());
    }
    JsonNode g = feature.path("geometry");
    JsonNode c = g.path("coordinates");
    if (!"Point".equals(g.path("type").asText()) || !c.isArray() || c.size() < 2) {
      sink.problem(
          new RowProblem(
              row, "geometry", "a Point with [longitude, latitude] is needed for an event"));
      return;
    }
    if (!c.get(0).isNumber() || !c.get(1).isNumber()) {
      sink.problem(new RowProblem(row, "geometry", "the coordinates are not numbers"));
      return;
    }
    fields.put("longitude", c.get(0).asText());
    fields.put("latitude", c.get(1).asText());
    sink.row(row, fields);
  }
}
