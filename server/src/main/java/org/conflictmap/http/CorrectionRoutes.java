package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.events.AcledTypes;
import org.conflictmap.events.Correction;
import org.conflictmap.events.CorrectionJson;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventCorrection;
import org.conflictmap.events.EventJson;
import org.conflictmap.problem.InputException;

/**
 * Editors' corrections: {@code PATCH /api/events/{id}} (move, re-place, retype, redate, refigure),
 * {@code DELETE /api/events/{id}} (a tombstone) and {@code GET /api/events/{id}/history}.
 */
final class CorrectionRoutes {
  private final Api api;

  CorrectionRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.patch("/api/events/{id}", this::correct);
    routes.delete("/api/events/{id}", this::delete);
    routes.get("/api/events/{id}/history", this::history);
    routes.get("/api/event-types", this::types);
  }

  /** ACLED's types and sub-types: what a correction may set. */
  private void types(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    ObjectNode out = api.json().createObjectNode();
    ArrayNode types = out.putArray("types");
    AcledTypes.SUB_TYPES.forEach(
        (type, subs) -> {
          ObjectNode t = types.addObject().put("event_type", type);
          subs.forEach(t.putArray("sub_event_types")::add);
        });
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("application/json").result(out.toString());
  }

  private void correct(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    String editor = Editors.require(ctx, api.config());
    requireJson(ctx);
    if (ctx.bodyAsBytes().length == 0) {
      throw Params.malformed("Empty body", "send a JSON object with the fields to change");
    }
    JsonNode body = JsonBodies.read(ctx, api.json());
    EventCorrection correction = CorrectionJson.parse(body, api.gazetteer()::byKey);
    String before = api.events().get(id).map(this::json).orElse(null);
    Event e =
        api.events()
            .correct(id, editor, correction, latestDay())
            .orElseThrow(() -> Params.notFound("event", id));
    AuthRoutes.entity(ctx, "event", id, before, json(e));
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(EventJson.toFeature(e, api.json()).toString());
  }

  private void delete(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    String editor = Editors.require(ctx, api.config());
    String before = api.events().get(id).map(this::json).orElse(null);
    if (!api.events().delete(id, editor)) {
      throw Params.notFound("event", id);
    }
    AuthRoutes.entity(ctx, "event", id, before, null);
    ctx.status(204);
  }

  private String json(Event e) {
    return EventJson.toFeature(e, api.json()).toString();
  }

  private void history(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    List<Correction> entries =
        api.events().history(id).orElseThrow(() -> Params.notFound("event", id));
    ObjectNode out = api.json().createObjectNode();
    out.put("event_id", id);
    ArrayNode list = out.putArray("corrections");
    for (Correction c : entries) {
      list.addObject()
          .put("editor", c.editor())
          .put("at", c.at().toString())
          .put("field", c.field())
          .put("old", c.oldValue())
          .put("new", c.newValue());
    }
    ctx.contentType("application/json").result(out.toString());
  }

  /** The latest event date we accept: today where the day starts first (UTC+14). */
  private static LocalDate latestDay() {
    return LocalDate.now(ZoneOffset.ofHours(14));
  }

  private static void requireJson(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!(type.startsWith("application/json") || type.startsWith("application/merge-patch+json"))) {
      throw new InputException(
          InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported content type",
          "send the correction as application/json (or application/merge-patch+json); got '"
              + (type.isEmpty() ? "none" : type)
              + "'");
    }
  }
}
