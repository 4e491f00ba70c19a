package org.conflictmap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.PlaceLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A preview at city zoom is a map: the same frame drawn with the gazetteer's context has town names
 * beside their dots, region lines and a scale bar, where the frame without it has only land.
 */
class PreviewContextTest {
  static Gazetteer gazetteer;
  static GazetteerContext context;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.loadDefault();
    context = new GazetteerContext(gazetteer);
  }

  /** Idlib at the event-page zoom, with nothing else in the scene. */
  static Scene idlib() {
    return new Scene(
        new Projection(
            36.63, 35.93, Previews.EVENT_ZOOM, PreviewRenderer.WIDTH, PreviewRenderer.MAP_HEIGHT),
        List.of(),
        List.of(),
        new Scene.Caption("", "", ""));
  }

  /** Pixels within a small distance of colour c (text and thin lines are antialiased). */
  static int count(BufferedImage img, Color c, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(PreviewRenderer.MAP_HEIGHT, y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(PreviewRenderer.WIDTH, x1); x++) {
        Color p = new Color(img.getRGB(x, y));
        int d =
            Math.abs(p.getRed() - c.getRed())
                + Math.abs(p.getGreen() - c.getGreen())
                + Math.abs(p.getBlue() - c.getBlue());
        if (d <= 30) n++;
      }
    }
    return n;
  }

  /** The real region lines and no names, so line pixels are not mistaken for text. */
  static final MapContext LINES_ONLY =
      new MapContext() {
        @Override
        public List<PlaceLabels.Label> labels(
            org.locationtech.jts.geom.Envelope bounds, double zoom) {
          return List.of();
        }

        @Override
        public List<org.locationtech.jts.geom.Polygon> regionLines(
            org.locationtech.jts.geom.Envelope bounds, double zoom) {
          return context.regionLines(bounds, zoom);
        }
      };

  @Test
  void townsAreNamedBesideTheirDots() {
    Scene scene = idlib();
    BufferedImage plain = new PreviewRenderer(BaseMap.bundled()).render(scene);
    BufferedImage rich = new PreviewRenderer(BaseMap.bundled(), context).render(scene);
    List<PlaceLabels.Label> towns =
        context.labels(scene.projection().bounds(), scene.projection().zoom()).stream()
            .filter(l -> l.kind() == PlaceLabels.Kind.TOWN)
            .toList();
    assertThat(towns).extracting(PlaceLabels.Label::name).contains("Aleppo", "Idlib");
    PlaceLabels.Label aleppo =
        towns.stream().filter(l -> l.name().equals("Aleppo")).findFirst().orElseThrow();
    Point2D.Double at = scene.projection().toPixel(aleppo.lon(), aleppo.lat());
    int x = (int) at.x;
    int y = (int) at.y;
    // the dot on the town, then its name to the right: label-coloured text pixels
    assertThat(new Color(rich.getRGB(x, y))).isEqualTo(PreviewRenderer.LABEL);
    assertThat(count(rich, PreviewRenderer.LABEL, x + 6, y - 14, x + 90, y + 10))
        .as("text pixels of 'Aleppo'")
        .isGreaterThan(40);
    assertThat(count(plain, PreviewRenderer.LABEL, x - 6, y - 14, x + 90, y + 10)).isZero();
  }

  @Test
  void regionLinesAndAScaleBarAreDrawn() {
    Scene scene = idlib();
    BufferedImage plain = new PreviewRenderer(BaseMap.bundled()).render(scene);
    BufferedImage rich = new PreviewRenderer(BaseMap.bundled(), LINES_ONLY).render(scene);
    int w = PreviewRenderer.WIDTH;
    int h = PreviewRenderer.MAP_HEIGHT;
    assertThat(count(plain, PreviewRenderer.REGION_LINE, 0, 0, w, h)).isZero();
    assertThat(count(rich, PreviewRenderer.REGION_LINE, 0, 0, w, h))
        .as("region line pixels")
        .isGreaterThan(300);
    assertThat(context.regionLines(scene.projection().bounds(), scene.projection().zoom()))
        .as("regions around Idlib")
        .hasSizeGreaterThan(2);
    // the scale bar at the bottom left: a bar of label colour about 150 px long, with its length
    int bar = count(rich, PreviewRenderer.LABEL, 20, h - 26, 220, h - 22);
    assertThat(bar).as("scale bar pixels").isGreaterThan(100);
    assertThat(count(plain, PreviewRenderer.LABEL, 20, h - 26, 220, h - 22)).isZero();
    assertThat(PreviewRenderer.niceLength(73_000)).isEqualTo(50_000);
    assertThat(PreviewRenderer.niceLength(180)).isEqualTo(100);
    assertThat(PreviewRenderer.scaleText(50_000)).isEqualTo("50 km");
    assertThat(PreviewRenderer.scaleText(200)).isEqualTo("200 m");
  }

  @Test
  void zoomedOutThereAreNoRegionLinesAndOnlyBigCities() {
    Projection world =
        Projection.fit(
            new org.locationtech.jts.geom.Envelope(-170, 190, -58, 78), 1200, 514, 0, 18);
    assertThat(context.regionLines(world.bounds(), world.zoom())).isEmpty();
    assertThat(context.labels(world.bounds(), world.zoom()))
        .filteredOn(l -> l.kind() == PlaceLabels.Kind.TOWN)
        .allMatch(l -> l.population() >= PlaceLabels.minPopulation(world.zoom()));
  }
}
