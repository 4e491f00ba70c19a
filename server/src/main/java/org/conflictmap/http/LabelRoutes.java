package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.gazetteer.PlaceLabels;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code GET /api/places/labels?bbox=&zoom=}: the names the offline base map writes in a view
 * (countries, regions, towns by population as the zoom grows), as GeoJSON points whose {@code name}
 * the map sets as text.
 */
final class LabelRoutes {
  private final Api api;
  private volatile PlaceLabels labels;

  LabelRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/places/labels", this::labels);
  }

  private PlaceLabels index() {
    PlaceLabels l = labels;
    if (l == null) {
      synchronized (this) {
        if (labels == null) labels = PlaceLabels.of(api.gazetteer());
        l = labels;
      }
    }
    return l;
  }

  private void labels(Context ctx) {
    Params.allowOnly(ctx, Set.of("bbox", "zoom"));
    ViewGrammar view = ViewGrammar.of(ctx);
    Envelope box = view.bbox().orElse(new Envelope(-180, 180, -90, 90));
    double zoom = view.zoom().orElse(2.0);
    ObjectNode out = api.json().createObjectNode();
    out.put("type", "FeatureCollection");
    ArrayNode features = out.putArray("features");
    for (PlaceLabels.Label l : index().in(box, zoom)) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Point");
      g.putArray("coordinates").add(l.lon()).add(l.lat());
      ObjectNode p = f.putObject("properties");
      p.put("name", l.name());
      p.put("kind", l.kind().name().toLowerCase(Locale.ROOT));
      p.put("population", l.population());
    }
    // the gazetteer is bundled: the labels of a view change only with a new release
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("application/geo+json; charset=utf-8").result(out.toString());
  }
}
