package org.conflictmap.zones;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A zone as a client sends it, already validated: geometry is a valid Polygon or MultiPolygon in
 * EPSG:4326.
 *
 * @param style Leaflet path options, e.g. {@code {"color":"#c0392b","fillOpacity":0.15}}
 * @param validTo null when the zone is still in force
 * @param repair present when the geometry as sent was invalid and was repaired
 */
public record ZoneDraft(
    String name,
    ZoneKind kind,
    String description,
    Map<String, Object> style,
    LocalDate validFrom,
    LocalDate validTo,
    Geometry geometry,
    Optional<Repair> repair) {

  /** A draft whose geometry needed no repair. */
  public ZoneDraft(
      String name,
      ZoneKind kind,
      String description,
      Map<String, Object> style,
      LocalDate validFrom,
      LocalDate validTo,
      Geometry geometry) {
    this(name, kind, description, style, validFrom, validTo, geometry, Optional.empty());
  }
}
