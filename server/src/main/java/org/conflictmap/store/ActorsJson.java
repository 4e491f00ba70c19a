package org.conflictmap.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.events.Actor;

/** Actors as the JSON text kept in the {@code actors} columns: [{"name", "country_code"}]. */
final class ActorsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActorsJson() {}

  static String write(List<Actor> actors) {
    if (actors == null || actors.isEmpty()) {
      return null;
    }
    ArrayNode a = JSON.createArrayNode();
    for (Actor actor : actors) {
      a.addObject().put("name", actor.name()).put("country_code", actor.countryCode());
    }
    return a.toString();
  }

  static List<Actor> read(String text) throws SQLException {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    // read token by token: this runs for every event of every page, and a tree per row was a
    // sixth of reading a page's rows in the profile
    try (JsonParser p = JSON.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return readTree(text);
      }
      List<Actor> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          p.skipChildren(); // not an object: no name, as the tree reading gave
          out.add(new Actor("", null));
          continue;
        }
        String name = "";
        String country = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (value.isStructStart()) {
            p.skipChildren();
            if (field.equals("name")) {
              name = "";
            } else if (field.equals("country_code")) {
              country = null;
            }
          } else if (field.equals("name")) {
            name = p.getText();
          } else if (field.equals("country_code")) {
            country = value == JsonToken.VALUE_STRING ? p.getText() : null;
          }
        }
        out.add(new Actor(name, country));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new SQLException("Stored actors are not a JSON array: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new SQLException("Stored actors could not be read: " + e.getMessage(), e);
    }
  }

  /** The tree reading, for text that is not an array (none is written so). */
  private static List<Actor> readTree(String text) throws JsonProcessingException {
    List<Actor> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(text)) {
      JsonNode cc = n.path("country_code");
      out.add(new Actor(n.path("name").asText(), cc.isTextual() ? cc.asText() : null));
    }
    return out;
  }
}
