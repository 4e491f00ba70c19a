package org.conflictmap.zones;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Repairs an invalid polygon with JTS {@link GeometryFixer} when that keeps its area within 1%: a
 * small self-touching spike or a sliver loop is fixed, while a bow-tie (which a fixer can only turn
 * into something other than what was drawn) is refused with the fault's reason and place.
 */
final class GeometryRepair {
  /** Largest relative area change a repair may make, as a fraction. */
  static final double MAX_AREA_CHANGE = 0.01;

  private GeometryRepair() {}

  /** A valid geometry as it is (no repair), or the repaired geometry and what was done. */
  record Result(Geometry geometry, Optional<Repair> repair) {}

  static Result validOrRepaired(Geometry g) {
    TopologyValidationError err = new IsValidOp(g).getValidationError();
    if (err == null) {
      return new Result(g, Optional.empty());
    }
    Coordinate at = err.getCoordinate();
    List<Double> location = at == null ? List.of() : List.of(Antimeridian.wrap(at.x), at.y);
    String near = at == null ? "" : " near [" + location.get(0) + ", " + location.get(1) + "]";
    Geometry fixed = GeometryFixer.fix(g);
    double before = g.getArea();
    double after = fixed.getArea();
    double change = before > 0 ? Math.abs(after - before) / before : Double.POSITIVE_INFINITY;
    boolean polygonal = fixed instanceof Polygon || fixed instanceof MultiPolygon;
    if (polygonal && !fixed.isEmpty() && fixed.isValid() && change <= MAX_AREA_CHANGE) {
      fixed.setSRID(g.getSRID());
      return new Result(fixed, Optional.of(new Repair(err.getMessage(), location, change * 100)));
    }
    String why =
        !polygonal || fixed.isEmpty()
            ? "it cannot be repaired into a polygon"
            : String.format(
                java.util.Locale.ROOT,
                "repairing it would change its area by %s, more than the 1%% allowed",
                Double.isInfinite(change)
                    ? "an unbounded amount"
                    : String.format("%.1f%%", change * 100));
    throw new InputException(
        Kind.UNPROCESSABLE,
        "Invalid geometry: " + err.getMessage(),
        "The geometry is not valid ("
            + err.getMessage()
            + near
            + ") and "
            + why
            + ". Rings must not cross themselves or each other, holes must lie inside their"
            + " polygon, and the polygons of a MultiPolygon must not overlap.",
        location.isEmpty() ? Map.of() : Map.of("location", location));
  }
}
