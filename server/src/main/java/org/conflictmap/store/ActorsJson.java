package org.conflictmap.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    try {
      List<Actor> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(text)) {
        JsonNode cc = n.path("country_code");
        out.add(new Actor(n.path("name").asText(), cc.isTextual() ? cc.asText() : null));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new SQLException("Stored actors are not a JSON array: " + e.getOriginalMessage(), e);
    }
  }
}
