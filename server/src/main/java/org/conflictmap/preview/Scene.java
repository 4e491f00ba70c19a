package org.conflictmap.preview;

import java.awt.Color;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything one preview image shows: the frame, the zones, the event markers and the caption. Two
 * equal scenes render to the same bytes.
 */
public record Scene(
    Projection projection, List<ZoneShape> zones, List<Marker> markers, Caption caption) {
  public Scene {
    zones = List.copyOf(zones);
    markers = List.copyOf(markers);
  }

  /** A zone outline with its stroke colour (the fill is the same colour, translucent). */
  public record ZoneShape(Geometry geometry, Color color) {}

  /** An event; {@code highlighted} draws the large marker of an event page. */
  public record Marker(double lon, double lat, Color color, boolean highlighted) {}

  /**
   * The text band under the map: a headline, a line of detail and a quotation, any may be empty.
   */
  public record Caption(String headline, String detail, String quote) {}
}
