package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.PlaceJson;

/**
 * The gazetteer and base layers: {@code /api/geocode}, {@code /api/countries}, {@code /api/config}.
 */
final class PlaceRoutes {
  private static final int MAX_QUERY = 200;
  private final Api api;

  PlaceRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/geocode", this::geocode);
    routes.get("/api/countries", this::countries);
    routes.get("/api/config", this::config);
  }

  private void geocode(Context ctx) {
    Params.allowOnly(ctx, Set.of("q", "limit"));
    String q = Params.single(ctx, "q").orElse("");
    if (q.isBlank() || q.length() > MAX_QUERY) {
      throw Params.malformed(
          "Invalid q", "q is the place name to look up, 1 to " + MAX_QUERY + " characters");
    }
    int limit = Params.intParam(ctx, "limit", 10, 1, 100);
    ObjectNode out = api.json().createObjectNode();
    out.put("query", q);
    ArrayNode results = out.putArray("results");
    for (Candidate c : api.gazetteer().search(q, limit)) {
      Place p = c.place();
      ObjectNode r = PlaceJson.write(results.addObject(), p);
      api.gazetteer()
          .country(p.countryCode())
          .ifPresent(country -> r.put("country", country.name()));
      api.gazetteer().region(p).ifPresent(region -> r.put("region", region.name()));
      r.put("population", p.population());
      r.put("score", Math.round(c.score() * 1000) / 1000.0);
    }
    ctx.contentType("application/json").result(out.toString());
  }

  private void countries(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("application/geo+json; charset=utf-8").result(api.countries().geojson());
  }

  private void config(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    ObjectNode out = api.json().createObjectNode();
    out.put("tileUrl", api.config().tileUrl().orElse(null));
    out.put("attribution", api.config().tileAttribution().orElse(null));
    // share links and embed snippets are built from this (the request's own origin when unset)
    out.put("publicBaseUrl", PublicUrls.base(ctx, api.config()));
    ctx.contentType("application/json").result(out.toString());
  }
}
