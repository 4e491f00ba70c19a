package org.conflictmap.preview;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.PlaceLabels;
import org.conflictmap.zones.RegionOutlines;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Preview context from the gazetteer: its town and region names ({@link PlaceLabels}) and, from
 * zoom 5, the approximate outlines of the regions in view ({@link RegionOutlines}, the same
 * outlines the map shows for region-level events).
 */
public final class GazetteerContext implements MapContext {
  /** Region outlines start at this zoom; further out they would be a tangle. */
  static final double REGION_ZOOM = 5;

  private static final int MAX_REGIONS = 16;
  private final Gazetteer gazetteer;
  private final RegionOutlines outlines;
  private volatile PlaceLabels labels;

  public GazetteerContext(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.outlines = new RegionOutlines(gazetteer);
  }

  private PlaceLabels index() {
    PlaceLabels l = labels;
    if (l == null) {
      synchronized (this) {
        if (labels == null) labels = PlaceLabels.of(gazetteer);
        l = labels;
      }
    }
    return l;
  }

  @Override
  public List<PlaceLabels.Label> labels(Envelope bounds, double zoom) {
    return index().in(bounds, zoom).stream()
        .filter(l -> l.kind() != PlaceLabels.Kind.REGION || zoom < 7)
        .toList();
  }

  @Override
  public List<Polygon> regionLines(Envelope bounds, double zoom) {
    if (zoom < REGION_ZOOM) return List.of();
    // a region whose label point lies just outside the frame may still cross it
    Envelope around = new Envelope(bounds);
    around.expandBy(bounds.getWidth() / 2, bounds.getHeight() / 2);
    List<Polygon> out = new ArrayList<>();
    for (PlaceLabels.Label r : index().regionsIn(around, MAX_REGIONS)) {
      outlines
          .outline(r.key())
          .map(RegionOutlines.Outline::polygon)
          .filter(p -> p.getEnvelopeInternal().intersects(bounds))
          .ifPresent(out::add);
    }
    return out;
  }
}
