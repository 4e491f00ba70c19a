package org.conflictmap.zones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A stored zone. */
public record Zone(
    long id,
    String name,
    ZoneKind kind,
    String description,
    Map<String, Object> style,
    LocalDate validFrom,
    LocalDate validTo,
    Geometry geometry,
    Instant createdAt,
    Instant updatedAt) {}
