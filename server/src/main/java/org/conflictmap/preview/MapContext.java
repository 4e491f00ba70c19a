package org.conflictmap.preview;

import java.util.List;
import org.conflictmap.gazetteer.PlaceLabels;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * What a preview draws around its events so a close view is a map, not an empty rectangle: place
 * names and first-level region lines for the part of the world in view.
 */
public interface MapContext {
  /** No labels and no region lines (the country borders only). */
  MapContext NONE =
      new MapContext() {
        @Override
        public List<PlaceLabels.Label> labels(Envelope bounds, double zoom) {
          return List.of();
        }

        @Override
        public List<Polygon> regionLines(Envelope bounds, double zoom) {
          return List.of();
        }
      };

  /** Names to write in {@code bounds} at {@code zoom}. */
  List<PlaceLabels.Label> labels(Envelope bounds, double zoom);

  /** Region outlines to draw in {@code bounds} at {@code zoom}. */
  List<Polygon> regionLines(Envelope bounds, double zoom);
}
