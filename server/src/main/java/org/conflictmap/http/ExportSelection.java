package org.conflictmap.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;
import org.conflictmap.store.ZoneStore;
import org.conflictmap.zones.Zone;

/**
 * What an export writes, read by the one view grammar: the events its filters match and, for a
 * GeoPackage's {@code zones} layer, the zone its {@code zone} filter names, else the zones that
 * meet its bbox and are in force during its datetime (as OGC items choose them). {@code GET
 * /api/export} and the {@code export} command both read it here, so a filter means the same in
 * both.
 */
public record ExportSelection(EventQuery events, List<Zone> zones) {
  /** The filter names an export takes: those of {@code /api/events}, without its paging. */
  public static final Set<String> FILTERS = ViewGrammar.FILTERS;

  /**
   * Reads the filters from query-style parameters (name to values); an unknown name, a malformed or
   * out-of-range value or an unknown zone is refused with the same {@code InputException} the API
   * answers with.
   */
  public static ExportSelection read(Map<String, List<String>> params, ZoneStore zones) {
    ViewGrammar g = new ViewGrammar(params);
    g.allowOnly(FILTERS);
    return of(g.filters(EventExport.PAGE), zones);
  }

  static ExportSelection of(EventQuery q, ZoneStore store) {
    if (q.zone().isEmpty()) {
      return new ExportSelection(q, inView(q, store));
    }
    long id = q.zone().get();
    Zone zone = store.get(id).orElseThrow(() -> Params.notFound("zone", id));
    return new ExportSelection(q.withBbox(ZoneRoutes.withinZone(q.bbox(), zone)), List.of(zone));
  }

  private static List<Zone> inView(EventQuery q, ZoneStore store) {
    var box = q.bbox().map(OgcRoutes::boxGeometry);
    var when = new ViewGrammar.Interval(q.from(), q.to());
    List<Zone> out = new ArrayList<>();
    for (Zone z : store.list()) {
      if (box.map(b -> z.geometry().intersects(b)).orElse(true) && OgcRoutes.during(z, when)) {
        out.add(z);
      }
    }
    return out;
  }
}
