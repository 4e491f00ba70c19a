package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate-events}: what it adds is served like ingested events; nonsense counts refused.
 */
class GenerateEventsCommandTest {
  @TempDir Path data;

  @Test
  void addsEventsTheApiServesWithTheirSources() throws Exception {
    CliTest.Run r =
        CliTest.run("generate-events", "--count", "120", "--seed", "4", "--data", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("added 120 generated events");
    // the embedded file is compacted before the command ends, and still opens below
    assertThat(r.out()).containsPattern("compacted the store from [0-9,]+ MB to [0-9,]+ MB");
    // a second run adds more under its own tag instead of colliding with the first one's urls
    assertThat(CliTest.run("generate-events", "--count", "30", "--data", data.toString()).exit())
        .isZero();
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false))) {
      HttpResponse<String> res =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + app.port() + "/api/events?limit=500"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(res.body());
      assertThat(body.path("numberMatched").asInt()).isEqualTo(150);
      int multi = 0;
      for (JsonNode f : body.path("features")) {
        JsonNode p = f.path("properties");
        assertThat(p.path("sources").size()).isPositive();
        assertThat(p.path("corroboration").asInt()).isEqualTo(p.path("sources").size());
        String sentence = p.path("sentence").asText();
        assertThat(p.path("sentence_end").asInt() - p.path("sentence_start").asInt())
            .isEqualTo(sentence.length());
        assertThat(sentence).contains(p.path("place_name").asText());
        if (p.path("sources").size() > 1) {
          multi++;
        }
      }
      assertThat(multi).isPositive();
    }
  }

  @Test
  void refusesACountOfNothing() throws Exception {
    CliTest.Run r = CliTest.run("generate-events", "--count", "0", "--data", data.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--count must be between 1");
  }
}
