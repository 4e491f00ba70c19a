package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.preview.PreviewRenderer;
import org.conflictmap.preview.Previews;
import org.conflictmap.preview.Projection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Preview PNGs as a link unfurler fetches them: they decode at 1200×630, the event's marker sits
 * where the event projects, the zone is drawn only when it was in force, and the same event gives
 * the same bytes.
 */
class PreviewImageTest {
  static final Color BATTLES = new Color(0xe4572e);
  static final Color STRATEGIC = new Color(0x7fb069);
  static final Color LAND = new Color(0x232b37);

  @TempDir static Path data;
  static App app;
  static Http http;
  static JsonNode idlibBattle;
  static JsonNode ankara;
  static JsonNode moscow;
  static Geometry zone;

  @BeforeAll
  static void start() throws Exception {
    app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
    http = new Http(app);
    for (JsonNode f : http.get("/api/events").json().path("features")) {
      String place = f.path("properties").path("place_name").asText();
      String type = f.path("properties").path("event_type").asText();
      if (place.equals("Idlib") && type.equals("Battles")) idlibBattle = f;
      if (place.equals("Ankara")) ankara = f;
      if (place.equals("Moscow")) moscow = f;
    }
    assertThat(idlibBattle).isNotNull();
    assertThat(ankara).isNotNull();
    assertThat(moscow).isNotNull();
    JsonNode zones = http.get("/api/zones").json().path("features");
    zone = new GeoJsonReader().read(zones.get(0).path("geometry").toString());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static byte[] bytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    return r.body();
  }

  static BufferedImage image(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img).as("a decodable PNG").isNotNull();
    assertThat(img.getWidth()).isEqualTo(1200);
    assertThat(img.getHeight()).isEqualTo(630);
    return img;
  }

  static double lon(JsonNode f) {
    return f.path("geometry").path("coordinates").get(0).asDouble();
  }

  static double lat(JsonNode f) {
    return f.path("geometry").path("coordinates").get(1).asDouble();
  }

  static Color at(BufferedImage img, Point2D.Double p) {
    return new Color(img.getRGB((int) Math.floor(p.x), (int) Math.floor(p.y)));
  }

  /**
   * The pixel of a point well inside the zone (away from its outline) and away from the marker, so
   * what it shows is the zone's fill and nothing else.
   */
  static Point2D.Double insideZoneAwayFrom(Projection frame, Point2D.Double marker) {
    Envelope env = zone.getEnvelopeInternal();
    Geometry outline = zone.getBoundary();
    for (double y = env.getMinY(); y <= env.getMaxY(); y += 0.05) {
      for (double x = env.getMinX(); x <= env.getMaxX(); x += 0.05) {
        Point pt = zone.getFactory().createPoint(new Coordinate(x, y));
        Point2D.Double px = frame.toPixel(x, y);
        if (zone.contains(pt) && outline.distance(pt) > 0.15 && px.distance(marker) > 40) {
          return px;
        }
      }
    }
    throw new AssertionError("no point well inside the zone");
  }

  @Test
  void anEventPreviewShowsItsMarkerWhereTheEventProjects() throws Exception {
    long id = idlibBattle.path("id").asLong();
    BufferedImage img = image(bytes("/events/" + id + "/preview.png"));
    Projection frame =
        new Projection(
            lon(idlibBattle),
            lat(idlibBattle),
            Previews.EVENT_ZOOM,
            PreviewRenderer.WIDTH,
            PreviewRenderer.MAP_HEIGHT);
    Point2D.Double p = frame.toPixel(lon(idlibBattle), lat(idlibBattle));
    assertThat(at(img, p)).as("marker fill at %s", p).isEqualTo(BATTLES);
    // the marker is a disc with a white ring, not a smear: its colour stops within ~20 px
    assertThat(at(img, new Point2D.Double(p.x + 14, p.y))).isEqualTo(Color.WHITE);
    assertThat(at(img, new Point2D.Double(p.x + 40, p.y))).isNotEqualTo(BATTLES);
    // the Idlib zone was in force on 27 August 2019: inside it, away from the marker, the land is
    // tinted by the zone's fill
    Point2D.Double z = insideZoneAwayFrom(frame, p);
    Color tinted = at(img, z);
    assertThat(tinted.getRed()).as("zone fill at %s", z).isGreaterThan(LAND.getRed() + 20);
  }

  @Test
  void anEventPreviewIsAMapWithNamesRegionLinesAndAScale() throws Exception {
    BufferedImage img = image(bytes("/events/" + idlibBattle.path("id").asLong() + "/preview.png"));
    int labelish = 0;
    int lineish = 0;
    for (int y = 0; y < PreviewRenderer.MAP_HEIGHT; y++) {
      for (int x = 0; x < PreviewRenderer.WIDTH; x++) {
        Color c = new Color(img.getRGB(x, y));
        if (distance(c, PreviewRenderer.LABEL) <= 30) labelish++;
        if (distance(c, PreviewRenderer.REGION_LINE) <= 30) lineish++;
      }
    }
    // the country-borders-only picture has neither colour (see preview/PreviewContextTest)
    assertThat(labelish).as("town names and the scale bar").isGreaterThan(300);
    assertThat(lineish).as("region lines").isGreaterThan(200);
  }

  static int distance(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed())
        + Math.abs(a.getGreen() - b.getGreen())
        + Math.abs(a.getBlue() - b.getBlue());
  }

  @Test
  void theSameEventGivesTheSameBytes() throws Exception {
    long id = ankara.path("id").asLong();
    byte[] first = bytes("/events/" + id + "/preview.png");
    byte[] second = bytes("/events/" + id + "/preview.png");
    assertThat(second).isEqualTo(first);
    assertThat(bytes("/events/" + idlibBattle.path("id").asLong() + "/preview.png"))
        .isNotEqualTo(first);
  }

  @Test
  void aZoneIsLeftOutBeforeItCameIntoForce() throws Exception {
    // the sample zone is valid from 2017-05-06; an event at Idlib in 2015 predates it
    Http.Response r =
        http.post(
            "/api/articles",
            "application/json",
            "{\"title\": \"Idlib in 2015\", \"body\": \"Clashes were reported in Idlib on Monday.\","
                + " \"published\": \"2015-03-02\"}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode early = r.json().path("events").path("features").get(0);
    BufferedImage before = image(bytes("/events/" + early.path("id").asLong() + "/preview.png"));
    BufferedImage during =
        image(bytes("/events/" + idlibBattle.path("id").asLong() + "/preview.png"));
    Projection frame =
        new Projection(
            lon(early),
            lat(early),
            Previews.EVENT_ZOOM,
            PreviewRenderer.WIDTH,
            PreviewRenderer.MAP_HEIGHT);
    Point2D.Double probe = insideZoneAwayFrom(frame, frame.toPixel(lon(early), lat(early)));
    assertThat(at(before, probe)).as("no zone in 2015").isEqualTo(LAND);
    assertThat(at(during, probe)).as("the zone in 2019").isNotEqualTo(LAND);
  }

  @Test
  void aViewPreviewPlacesEveryEventWhereItProjects() throws Exception {
    BufferedImage img = image(bytes("/preview.png?bbox=25,30,45,60"));
    Projection frame =
        Projection.fit(
            new Envelope(25, 45, 30, 60), PreviewRenderer.WIDTH, PreviewRenderer.MAP_HEIGHT, 0, 18);
    for (JsonNode e : new JsonNode[] {ankara, moscow}) {
      Point2D.Double p = frame.toPixel(lon(e), lat(e));
      assertThat(p.x).isBetween(0.0, 1200.0);
      assertThat(p.y).isBetween(0.0, (double) PreviewRenderer.MAP_HEIGHT);
      assertThat(at(img, p))
          .as(e.path("properties").path("place_name").asText())
          .isEqualTo(STRATEGIC);
    }

    // with a type filter the other events' markers are gone: only the battle at Idlib is drawn
    BufferedImage battles = image(bytes("/preview.png?bbox=25,30,45,60&type=Battles"));
    assertThat(at(battles, frame.toPixel(lon(ankara), lat(ankara)))).isNotEqualTo(STRATEGIC);
    assertThat(at(battles, frame.toPixel(lon(idlibBattle), lat(idlibBattle)))).isEqualTo(BATTLES);

    // centre and zoom frame the view as the map does
    BufferedImage centred = image(bytes("/preview.png?center=32.85427,39.91987&zoom=6"));
    assertThat(at(centred, new Point2D.Double(600, PreviewRenderer.MAP_HEIGHT / 2.0)))
        .isEqualTo(STRATEGIC);
  }
}
