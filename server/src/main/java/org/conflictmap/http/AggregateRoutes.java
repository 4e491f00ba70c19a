package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.conflictmap.events.EventQuery;
import org.conflictmap.store.EventAggregates;
import org.conflictmap.store.EventAggregates.Period;

/**
 * {@code GET /api/events/clusters} (events per grid cell of a view at a zoom, as GeoJSON points)
 * and {@code GET /api/events/histogram} (events per day, week or month), both under the filters of
 * {@code /api/events}.
 */
final class AggregateRoutes {
  private static final Set<String> CLUSTER_PARAMS = ViewGrammar.with(ViewGrammar.FILTERS, "zoom");
  private static final Set<String> HISTOGRAM_PARAMS =
      ViewGrammar.with(ViewGrammar.FILTERS, "bucket");
  private final Api api;
  private final EventAggregates aggregates;

  AggregateRoutes(Api api, EventAggregates aggregates) {
    this.api = api;
    this.aggregates = aggregates;
  }

  /** Registers before {@code /api/events/{id}}, which would otherwise take these names as ids. */
  void register(RoutesConfig routes) {
    routes.get("/api/events/clusters", this::clusters);
    routes.get("/api/events/histogram", this::histogram);
  }

  private void clusters(Context ctx) {
    Params.allowOnly(ctx, CLUSTER_PARAMS);
    int zoom = ViewGrammar.of(ctx).gridZoom(EventAggregates.MAX_ZOOM);
    EventQuery q = EventRoutes.query(api, ctx, EventQuery.MAX_LIMIT);
    String tag = Freshness.tag(api.events().dataVersion());
    if (Freshness.notModified(ctx, tag)) {
      return;
    }
    EventAggregates.Grid grid = aggregates.grid(q, zoom);
    ObjectNode fc = api.json().createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("zoom", grid.zoom());
    fc.put("cellDegrees", grid.cellDegrees());
    fc.put("numberMatched", grid.total());
    ArrayNode features = fc.putArray("features");
    for (EventAggregates.Cell cell : grid.cells()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode geometry = f.putObject("geometry");
      geometry.put("type", "Point");
      geometry.putArray("coordinates").add(cell.lon()).add(cell.lat());
      ObjectNode props = f.putObject("properties");
      props.put("count", cell.count());
      cell.eventId().ifPresent(id -> props.put("event_id", id));
    }
    Freshness.mark(ctx, tag);
    ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString());
  }

  private void histogram(Context ctx) {
    Params.allowOnly(ctx, HISTOGRAM_PARAMS);
    String raw = Params.single(ctx, "bucket").orElse("day");
    Period period =
        Period.parse(raw)
            .orElseThrow(
                () ->
                    Params.malformed(
                        "Invalid bucket", "bucket is day, week or month, got '" + raw + "'"));
    EventQuery q = EventRoutes.query(api, ctx, EventQuery.MAX_LIMIT);
    String tag = Freshness.tag(api.events().dataVersion());
    if (Freshness.notModified(ctx, tag)) {
      return;
    }
    ObjectNode out = api.json().createObjectNode();
    out.put("bucket", period.name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode buckets = out.putArray("buckets");
    long total = 0;
    for (EventAggregates.Bucket b : aggregates.histogram(q, period)) {
      buckets.addObject().put("start", b.start().toString()).put("count", b.count());
      total += b.count();
    }
    out.put("numberMatched", total);
    Freshness.mark(ctx, tag);
    ctx.contentType("application/json; charset=utf-8").result(out.toString());
  }
}
