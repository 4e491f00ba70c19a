package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.RegionOutlines;

/** {@code GET /api/places/{key}/outline}: the approximate outline of a region or country. */
final class OutlineRoutes {
  private static final int MAX_KEY = 200;
  private final Api api;
  private final RegionOutlines outlines;

  OutlineRoutes(Api api) {
    this.api = api;
    this.outlines = new RegionOutlines(api.gazetteer());
  }

  void register(RoutesConfig routes) {
    routes.get("/api/places/{key}/outline", this::outline);
  }

  private void outline(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    String key = ctx.pathParam("key");
    if (key.isBlank() || key.length() > MAX_KEY) {
      throw Params.malformed("Invalid key", "a place key has 1 to " + MAX_KEY + " characters");
    }
    var outline =
        outlines
            .outline(key)
            .orElseThrow(
                () ->
                    new InputException(
                        InputException.Kind.NOT_FOUND,
                        "No outline",
                        "there is no region or country '"
                            + key
                            + "' with enough towns to outline; outlines exist for keys such as"
                            + " admin1:SY.09 and country:SY"));
    // the gazetteer is bundled: an outline only changes with a new release
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(RegionOutlines.toFeature(outline, api.json()).toString());
  }
}
