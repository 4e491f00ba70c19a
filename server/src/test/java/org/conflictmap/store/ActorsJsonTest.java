package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.events.Actor;
import org.junit.jupiter.api.Test;

/** The token-by-token reading of stored actors gives what a tree reading of them gives. */
class ActorsJsonTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static List<Actor> byTree(String text) throws Exception {
    List<Actor> out = new ArrayList<>();
    for (JsonNode n : M.readTree(text)) {
      JsonNode cc = n.path("country_code");
      out.add(new Actor(n.path("name").asText(), cc.isTextual() ? cc.asText() : null));
    }
    return out;
  }

  @Test
  void readsWhatItWrites() throws SQLException {
    List<Actor> actors =
        List.of(
            new Actor("Russian forces", "RU"),
            new Actor("Civilians \"(Ukraine)\" — Харків", null),
            new Actor("", "SY"));
    assertThat(ActorsJson.read(ActorsJson.write(actors))).isEqualTo(actors);
    assertThat(ActorsJson.read(null)).isEmpty();
    assertThat(ActorsJson.read(" ")).isEmpty();
    assertThat(ActorsJson.read("[]")).isEmpty();
  }

  @Test
  void oddStoredTextReadsAsTheTreeReadsIt() throws Exception {
    for (String text :
        List.of(
            "[{\"country_code\":\"UA\",\"name\":\"A\"}]",
            "[{\"name\":null,\"country_code\":null}]",
            "[{\"name\":7,\"country_code\":8}]",
            "[{\"other\":{\"name\":\"x\"},\"name\":\"B\",\"extra\":[1,2]}]",
            "[{\"name\":{\"nested\":1},\"country_code\":[\"UA\"]}]",
            "[\"plain\",3,[1],{}]",
            "[{\"name\":\"first\",\"name\":\"second\"}]")) {
      assertThat(ActorsJson.read(text)).as(text).isEqualTo(byTree(text));
    }
  }

  @Test
  void brokenTextIsAnSqlError() {
    assertThatThrownBy(() -> ActorsJson.read("[{\"name\":")).isInstanceOf(SQLException.class);
  }

  @Test
  void inListsComeInTenLengths() {
    assertThat(EventRows.slots(1)).isEqualTo(1);
    assertThat(EventRows.slots(2)).isEqualTo(2);
    assertThat(EventRows.slots(3)).isEqualTo(4);
    assertThat(EventRows.slots(64)).isEqualTo(64);
    assertThat(EventRows.slots(65)).isEqualTo(128);
    assertThat(EventRows.slots(257)).isEqualTo(500);
    assertThat(EventRows.slots(500)).isEqualTo(500);
  }
}
