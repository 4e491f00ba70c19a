package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneJson;

/** Zones as GeoJSON Features: list, create, read, replace, delete. */
final class ZoneRoutes {
  private final Api api;

  ZoneRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/zones", this::list);
    routes.post("/api/zones", this::create);
    routes.get("/api/zones/{id}", this::get);
    routes.put("/api/zones/{id}", this::replace);
    routes.delete("/api/zones/{id}", this::delete);
  }

  private void list(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    geojson(ctx, ZoneJson.toFeatureCollection(api.zones().list(), api.json()).toString());
  }

  private void create(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    Editors.require(ctx, api.config());
    Zone z = api.zones().create(draft(ctx));
    ctx.status(201).header("Location", "/api/zones/" + z.id());
    geojson(ctx, ZoneJson.toFeature(z, api.json()).toString());
  }

  private void get(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Zone z = api.zones().get(id).orElseThrow(() -> Params.notFound("zone", id));
    geojson(ctx, ZoneJson.toFeature(z, api.json()).toString());
  }

  private void replace(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Editors.require(ctx, api.config());
    ZoneDraft d = draft(ctx);
    Zone z = api.zones().update(id, d).orElseThrow(() -> Params.notFound("zone", id));
    geojson(ctx, ZoneJson.toFeature(z, api.json()).toString());
  }

  private void delete(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Editors.require(ctx, api.config());
    if (!api.zones().delete(id)) {
      throw Params.notFound("zone", id);
    }
    ctx.status(204);
  }

  private ZoneDraft draft(Context ctx) throws Exception {
    JsonBodies.requireJson(ctx);
    JsonNode body = JsonBodies.read(ctx, api.json());
    return ZoneJson.fromFeature(body);
  }

  private static void geojson(Context ctx, String body) {
    ctx.contentType("application/geo+json").result(body);
  }
}
