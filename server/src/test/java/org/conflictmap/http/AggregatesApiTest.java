package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.store.GeneratedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 3: the map's clusters and the slider's histogram count exactly what {@code
 * /api/events} finds, under every filter. The store holds the sample (with the Idlib zone) and ~600
 * generated events around Idlib, Aleppo, Gaziantep and Ankara over 2019–2021.
 */
class AggregatesApiTest {
  @TempDir static Path data;
  static App app;
  static Http http;
  static long idlib;

  @BeforeAll
  static void start() {
    App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true)).close();
    GeneratedEvents.fill(data, 120, 13);
    app = App.start(Config.defaults().withPort(0).withDataDir(data));
    http = new Http(app);
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

  private List<String> filters() {
    return List.of(
        "",
        "type=Battles",
        "type=Protests,Riots",
        "datetime=2019-03-01/2019-09-30",
        "datetime=2020-06-01/..",
        "bbox=36,35,38,36.5",
        "zone=" + idlib,
        "zone=" + idlib + "&type=Battles&datetime=2019-01-01/2020-12-31",
        "q=generated%20event%201",
        "bbox=30,34,40,42&type=Violence%20against%20civilians&datetime=..%2F2020-01-31");
  }

  /** The plain list under a filter: its ids (all of them: the store holds fewer than the limit). */
  private static Set<Long> listed(String filter) {
    JsonNode fc = ok("/api/events?limit=10000&" + filter);
    Set<Long> ids = new HashSet<>();
    for (JsonNode f : fc.path("features")) {
      ids.add(f.path("id").asLong());
    }
    assertThat(fc.path("numberMatched").asLong()).as(filter).isEqualTo(ids.size());
    return ids;
  }

  private static JsonNode ok(String path) {
    // an empty filter leaves "&&" or a trailing "&", which the API refuses as a nameless parameter
    path = path.replaceAll("&+", "&").replaceAll("[&?]$", "");
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void clusterCountsAddUpToTheListUnderEveryFilterAndZoom() {
    long all = listed("").size();
    assertThat(all).as("the generated events are stored").isGreaterThan(300);
    for (String filter : filters()) {
      for (int zoom : new int[] {0, 3, 6, 9, 12}) {
        // the world at a high zoom is too many cells: zoom in on Idlib and Aleppo then
        String view = filter.contains("bbox") || zoom < 6 ? "" : "&bbox=36,35,38,37";
        if (filter.contains("bbox") && zoom > 9) {
          continue;
        }
        Set<Long> ids = listed(filter + view);
        JsonNode grid = ok("/api/events/clusters?zoom=" + zoom + view + "&" + filter);
        long sum = 0;
        Set<Long> singles = new HashSet<>();
        for (JsonNode cell : grid.path("features")) {
          long n = cell.path("properties").path("count").asLong();
          assertThat(n).isPositive();
          sum += n;
          if (n == 1) {
            singles.add(cell.path("properties").path("event_id").asLong());
          } else {
            assertThat(cell.path("properties").has("event_id")).isFalse();
          }
        }
        String what = filter + view + " at zoom " + zoom;
        assertThat(sum).as(what).isEqualTo(ids.size());
        assertThat(grid.path("numberMatched").asLong()).as(what).isEqualTo(ids.size());
        assertThat(ids).as(what).containsAll(singles);
        if (zoom == 0 && !ids.isEmpty()) {
          assertThat(grid.path("features").size()).as("few cells at world zoom").isLessThan(10);
        }
      }
    }
    // a tighter zoom splits the same events into more cells
    int coarse = ok("/api/events/clusters?zoom=4").path("features").size();
    int fine = ok("/api/events/clusters?zoom=10&bbox=30,33,41,42").path("features").size();
    assertThat(coarse).isPositive();
    assertThat(fine).isGreaterThan(coarse);
  }

  @Test
  void histogramBucketsAddUpToTheListUnderEveryFilter() {
    for (String filter : filters()) {
      long n = listed(filter).size();
      for (String bucket : new String[] {"day", "week", "month"}) {
        JsonNode h = ok("/api/events/histogram?bucket=" + bucket + "&" + filter);
        long sum = 0;
        String previous = "";
        for (JsonNode b : h.path("buckets")) {
          String start = b.path("start").asText();
          assertThat(start).as("oldest first").isGreaterThan(previous);
          previous = start;
          LocalDate day = LocalDate.parse(start);
          if (bucket.equals("week")) {
            assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
          } else if (bucket.equals("month")) {
            assertThat(day.getDayOfMonth()).isEqualTo(1);
          }
          sum += b.path("count").asLong();
        }
        assertThat(sum).as(filter + " by " + bucket).isEqualTo(n);
        assertThat(h.path("numberMatched").asLong()).isEqualTo(n);
      }
    }
  }

  @Test
  void aMonthsBucketIsThatMonthsList() {
    JsonNode h = ok("/api/events/histogram?bucket=month&type=Battles");
    JsonNode third = h.path("buckets").get(2);
    LocalDate start = LocalDate.parse(third.path("start").asText());
    LocalDate end = start.plusMonths(1).minusDays(1);
    assertThat(listed("type=Battles&datetime=" + start + "/" + end))
        .hasSize(third.path("count").asInt());
  }

  @Test
  void badZoomsBucketsAndViewsAreProblemsAClientCanActOn() {
    // out of range is 422, as for every view parameter (ViewGrammar)
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters?zoom=21"), 422);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters?zoom=-1"), 422);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters?zoom=2.5"), 400);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters"), 400);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters?zoom=3&limit=5"), 400);
    // the whole world at street level would be billions of cells
    Http.Response tooBig = http.get("/api/events/clusters?zoom=16");
    ZoneValidationApiTest.assertProblem(tooBig, 422);
    assertThat(tooBig.json().path("detail").asText()).contains("smaller bbox");
    // a box across the antimeridian counts what /api/events finds in it, on both sides
    Http.Response across = http.get("/api/events/clusters?zoom=3&bbox=30,-10,-170,60");
    assertThat(across.status()).as(across.body()).isEqualTo(200);
    long listed =
        http.get("/api/events?bbox=30,-10,-170,60&limit=10000").json().path("features").size();
    assertThat(listed).as("events east of 30°E").isPositive();
    assertThat(across.json().path("numberMatched").asLong()).isEqualTo(listed);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/histogram?bucket=year"), 400);
    ZoneValidationApiTest.assertProblem(
        http.get("/api/events/histogram?bucket=day&datetime=2020-01-01/2019-01-01"), 422);
    ZoneValidationApiTest.assertProblem(http.get("/api/events/clusters?zoom=3&zone=99999"), 404);
    // an event's own route still answers beside the aggregate routes
    long id = listed("").iterator().next();
    assertThat(http.get("/api/events/" + id).status()).isEqualTo(200);
  }
}
