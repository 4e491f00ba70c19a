package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneJson;
import org.locationtech.jts.geom.Envelope;

/**
 * Zones as GeoJSON Features: list (all, or those in force {@code at} a day), create, read, replace,
 * delete. Every write is recorded as a version under the editor's name.
 */
final class ZoneRoutes {
  private final Api api;

  ZoneRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    // paths under /api/zones that are not ids go first
    new ZoneFiles(api).register(routes);
    new ZoneInsideRoutes(api).register(routes);
    new ZoneHistoryRoutes(api).register(routes);
    routes.get("/api/zones", this::list);
    routes.post("/api/zones", this::create);
    routes.get("/api/zones/{id}", this::get);
    routes.put("/api/zones/{id}", this::replace);
    routes.delete("/api/zones/{id}", this::delete);
  }

  private void list(Context ctx) {
    Params.allowOnly(ctx, Set.of("at"));
    geojson(ctx, ZoneJson.toFeatureCollection(zonesAt(ctx, api), api.json()).toString());
  }

  /** The zones in force on {@code at=YYYY-MM-DD}, or all zones without it. */
  static List<Zone> zonesAt(Context ctx, Api api) {
    Optional<LocalDate> at = Params.single(ctx, "at").map(s -> ArticleText.parseDate(s, "at"));
    return at.isPresent() ? api.zones().listAt(at.get()) : api.zones().list();
  }

  /**
   * A bbox filter narrowed to the zone's bounding box, so the spatial index picks the candidates
   * and only those get the exact test (a box that misses the zone matches nothing).
   */
  static Optional<Envelope> withinZone(Optional<Envelope> bbox, Zone zone) {
    Envelope z = zone.geometry().getEnvelopeInternal();
    Envelope out = bbox.map(b -> within(b, z)).orElse(z);
    // beyond longitude 180, where no event can be (the schema checks), so nothing matches
    return Optional.of(out.isNull() ? new Envelope(200, 201, 0, 1) : out);
  }

  /**
   * The part of the box over the zone's envelope; a box across the antimeridian is cut at 180
   * first, and stays whole when the zone reaches both of its sides.
   */
  private static Envelope within(Envelope b, Envelope z) {
    if (!org.conflictmap.events.EventQuery.crossesAntimeridian(b)) {
      return b.intersection(z);
    }
    Envelope east = new Envelope(b.getMinX(), 180, b.getMinY(), b.getMaxY()).intersection(z);
    Envelope west = new Envelope(-180, b.getMaxX() - 360, b.getMinY(), b.getMaxY()).intersection(z);
    if (!east.isNull() && !west.isNull()) {
      return b;
    }
    return east.isNull() ? west : east;
  }

  private void create(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    String editor = Editors.require(ctx, api.config());
    ZoneDraft d = draft(ctx);
    Zone z = api.zones().create(d, editor);
    AuthRoutes.entity(ctx, "zone", z.id(), null, json(z));
    ctx.status(201).header("Location", "/api/zones/" + z.id());
    geojson(ctx, withRepair(ZoneJson.toFeature(z, api.json()), d).toString());
  }

  /** Says in the answer when the geometry was repaired, and how. */
  private ObjectNode withRepair(ObjectNode feature, ZoneDraft d) {
    d.repair().ifPresent(r -> feature.set("repaired", api.json().valueToTree(ZoneJson.repair(r))));
    return feature;
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
    String editor = Editors.require(ctx, api.config());
    ZoneDraft d = draft(ctx);
    String before = api.zones().get(id).map(this::json).orElse(null);
    Zone z = api.zones().update(id, d, editor).orElseThrow(() -> Params.notFound("zone", id));
    AuthRoutes.entity(ctx, "zone", id, before, json(z));
    geojson(ctx, withRepair(ZoneJson.toFeature(z, api.json()), d).toString());
  }

  private void delete(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    String editor = Editors.require(ctx, api.config());
    String before = api.zones().get(id).map(this::json).orElse(null);
    if (!api.zones().delete(id, editor)) {
      throw Params.notFound("zone", id);
    }
    AuthRoutes.entity(ctx, "zone", id, before, null);
    ctx.status(204);
  }

  private String json(Zone z) {
    return ZoneJson.toFeature(z, api.json()).toString();
  }

  private ZoneDraft draft(Context ctx) throws Exception {
    JsonBodies.requireJson(ctx);
    JsonNode body = JsonBodies.read(ctx, api.json());
    return ZoneJson.fromFeature(body);
  }

  private static void geojson(Context ctx, String body) {
    ctx.contentType("application/geo+json; charset=utf-8").result(body);
  }
}
