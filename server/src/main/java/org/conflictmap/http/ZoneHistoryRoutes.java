package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.conflictmap.zones.ZoneJson;
import org.conflictmap.zones.ZoneVersion;

/**
 * {@code GET /api/zones/{id}/history} (every version: when, by whom, what changed) and {@code GET
 * /api/zones/{id}/versions/{version}} (the zone as it was then, as a Feature). Both answer for a
 * deleted zone too: its history is kept.
 */
final class ZoneHistoryRoutes {
  private final Api api;

  ZoneHistoryRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/zones/{id}/history", this::history);
    routes.get("/api/zones/{id}/versions/{version}", this::version);
  }

  private void history(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    List<ZoneVersion> versions = api.zoneVersions().history(id);
    if (versions.isEmpty()) {
      throw Params.notFound("zone", id);
    }
    ObjectNode body = api.json().createObjectNode();
    body.put("zone_id", id);
    body.put("deleted", versions.get(versions.size() - 1).action().equals("deleted"));
    ArrayNode list = body.putArray("versions");
    for (ZoneVersion v : versions) {
      ObjectNode o = list.addObject();
      o.put("version", v.version());
      o.put("action", v.action());
      o.put("editor", v.editor());
      o.put("changed_at", v.changedAt().toString());
      o.set("changes", api.json().valueToTree(v.changes()));
      o.put("name", v.zone().name());
      o.put("href", "/api/zones/" + id + "/versions/" + v.version());
    }
    ctx.contentType("application/json").result(body.toString());
  }

  private void version(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    String raw = ctx.pathParam("version");
    int n;
    try {
      n = AsciiNumbers.parseInt(raw);
    } catch (NumberFormatException e) {
      throw Params.malformed("Invalid version", "versions are whole numbers, got '" + raw + "'");
    }
    ZoneVersion v =
        api.zoneVersions()
            .version(id, n)
            .orElseThrow(
                () ->
                    new org.conflictmap.problem.InputException(
                        org.conflictmap.problem.InputException.Kind.NOT_FOUND,
                        "Not found",
                        "zone " + id + " has no version " + n));
    ObjectNode f = ZoneJson.toFeature(v.zone(), api.json());
    ObjectNode p = (ObjectNode) f.get("properties");
    p.put("version", v.version());
    p.put("action", v.action());
    p.put("editor", v.editor());
    p.put("changed_at", v.changedAt().toString());
    p.set("changes", api.json().valueToTree(v.changes()));
    p.remove("created_at");
    ctx.contentType("application/geo+json; charset=utf-8").result(f.toString());
  }
}
