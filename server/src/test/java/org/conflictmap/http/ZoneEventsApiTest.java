package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point 5 of issue 4: the events inside a zone, precision-aware, and their statistics. */
class ZoneEventsApiTest {
  static final String ARTICLE =
      "{\"title\":\"Strikes in Saraqib\",\"published\":\"2019-08-20\",\"body\":"
          + "\"An air strike hit a market in Saraqib, killing five people. "
          + "Police dispersed a protest in Ankara. "
          + "Clashes continued across Idlib province.\"}";

  @TempDir static Path data;
  static App app;
  static Http http;
  static long idlib;

  @BeforeAll
  static void start() {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
    Http.Response r = http.post("/api/articles", "application/json", ARTICLE);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    for (JsonNode f : http.get("/api/zones").json().path("features")) {
      if (f.path("properties").path("name").asText().startsWith("Idlib")) {
        idlib = f.path("id").asLong();
      }
    }
    assertThat(idlib).isPositive();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static List<String> places(JsonNode fc) {
    List<String> out = new ArrayList<>();
    fc.path("features").forEach(f -> out.add(f.path("properties").path("place_name").asText()));
    return out;
  }

  @Test
  void anEventInsideTheIdlibZoneCountsAndOneInAnkaraDoesNot() {
    JsonNode all = http.get("/api/events?datetime=2019-08-20").json();
    // GeoNames writes Sarāqib
    assertThat(places(all)).anyMatch(p -> p.matches("Sar.qib")).contains("Ankara");

    JsonNode inside = http.get("/api/zones/" + idlib + "/events?datetime=2019-08-20").json();
    assertThat(places(inside)).anyMatch(p -> p.matches("Sar.qib")).doesNotContain("Ankara");
    assertThat(inside.path("numberMatched").asLong()).isEqualTo(inside.path("features").size());

    // the same filter through /api/events
    JsonNode viaEvents = http.get("/api/events?zone=" + idlib + "&datetime=2019-08-20").json();
    assertThat(places(viaEvents)).isEqualTo(places(inside));
  }

  @Test
  void eventsLocatedOnlyToARegionAreLeftOutAndCounted() {
    // ACLED codes no event to a country alone, so the extractor's coarsest events are regions:
    // "across Idlib province" may or may not have happened inside the zone
    JsonNode inside = http.get("/api/zones/" + idlib + "/events?datetime=2019-08-20").json();
    assertThat(places(inside)).doesNotContain("Idlib");
    JsonNode excluded = inside.path("excluded");
    assertThat(excluded.path("count").asLong()).isEqualTo(1);
    JsonNode reason = excluded.path("reasons").get(0);
    assertThat(reason.path("precision").asText()).isEqualTo("region");
    assertThat(reason.path("why").asText()).contains("first-level region");
  }

  @Test
  void statsCountPerTypeAndFatalitiesPerPeriod() {
    JsonNode s =
        http.get("/api/zones/" + idlib + "/stats?interval=week&datetime=2019-08-01/2019-08-31")
            .json();
    assertThat(s.path("interval").asText()).isEqualTo("week");
    // August 2019 touches the ISO weeks starting 29 July ... 26 August: five buckets
    assertThat(s.path("series")).hasSize(5);
    assertThat(s.path("series").get(0).path("start").asText()).isEqualTo("2019-07-29");
    JsonNode week = null;
    for (JsonNode b : s.path("series")) {
      if (b.path("start").asText().equals("2019-08-19")) week = b;
    }
    assertThat(week).isNotNull();
    assertThat(week.path("events").asLong()).isGreaterThanOrEqualTo(1);
    long dead = 0;
    JsonNode events =
        http.get("/api/zones/" + idlib + "/events?datetime=2019-08-19/2019-08-25").json();
    for (JsonNode e : events.path("features"))
      dead += e.path("properties").path("fatalities").asLong(0);
    assertThat(week.path("fatalities").asLong()).isEqualTo(dead);
    assertThat(week.path("events").asLong()).isEqualTo(events.path("features").size());
    long byType = 0;
    for (JsonNode n : week.path("by_type")) byType += n.asLong();
    assertThat(byType).isEqualTo(week.path("events").asLong());
    assertThat(s.path("total").path("events").asLong())
        .isGreaterThanOrEqualTo(week.path("events").asLong());
    assertThat(s.path("excluded").path("count").asLong()).isGreaterThanOrEqualTo(1);

    JsonNode month = http.get("/api/zones/" + idlib + "/stats?interval=month").json();
    assertThat(month.path("total").path("events").asLong())
        .isEqualTo(s.path("total").path("events").asLong() + countOutsideAugust(month));
  }

  private static long countOutsideAugust(JsonNode month) {
    long n = 0;
    for (JsonNode b : month.path("series")) {
      if (!b.path("start").asText().equals("2019-08-01")) n += b.path("events").asLong();
    }
    return n;
  }

  @Test
  void theDensityShadesZonesAndCountries() {
    JsonNode d = http.get("/api/zones/density?datetime=2019-08-01/2019-08-31&at=2019-08-27").json();
    JsonNode z = null;
    for (JsonNode o : d.path("zones")) {
      if (o.path("id").asLong() == idlib) z = o;
    }
    assertThat(z).isNotNull();
    assertThat(z.path("events").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(z.path("area_km2").asLong()).isBetween(3000L, 20000L);
    assertThat(d.path("countries").path("TR").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badParametersAreRefused() {
    ZoneValidationApiTest.assertProblem(
        http.get("/api/zones/" + idlib + "/stats?interval=year"), 400);
    ZoneValidationApiTest.assertProblem(
        http.get("/api/zones/" + idlib + "/stats?interval=day&datetime=1900-01-01/2019-01-01"),
        422);
    ZoneValidationApiTest.assertProblem(http.get("/api/zones/99999/events"), 404);
    ZoneValidationApiTest.assertProblem(http.get("/api/zones/" + idlib + "/events?typo=1"), 400);
    ZoneValidationApiTest.assertProblem(http.get("/api/events?zone=abc"), 400);
    ZoneValidationApiTest.assertProblem(http.get("/api/events?zone=99999"), 404);
  }
}
