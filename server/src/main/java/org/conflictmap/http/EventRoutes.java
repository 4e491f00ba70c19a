package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventQuery;

/** {@code GET /api/events} (filtered GeoJSON) and {@code GET /api/events/{id}}. */
final class EventRoutes {
  private static final Set<String> PARAMS =
      Set.of("bbox", "datetime", "limit", "type", "q", "zone");
  private final Api api;

  EventRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/events", this::list);
    routes.get("/api/events/{id}", this::get);
  }

  private void list(Context ctx) {
    Params.allowOnly(ctx, PARAMS);
    EventQuery q =
        query(
            api,
            ctx,
            Params.intParam(ctx, "limit", EventQuery.DEFAULT_LIMIT, 1, EventQuery.MAX_LIMIT));
    List<Event> events = api.events().find(q);
    long matched = events.size() < q.limit() ? events.size() : api.events().count(q);
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(EventJson.toFeatureCollection(events, matched, api.json()).toString());
  }

  /**
   * The filter parameters of {@code /api/events} (bbox, datetime, type, q, zone) as a query; the
   * aggregate routes read the same ones, so their counts are the list's.
   */
  static EventQuery query(Api api, Context ctx, int limit) {
    LocalDate[] interval = Params.dateInterval(ctx);
    EventQuery q =
        new EventQuery(
            Params.bbox(ctx),
            Optional.ofNullable(interval[0]),
            Optional.ofNullable(interval[1]),
            limit,
            Params.single(ctx, "type").map(MapParams::types).orElse(Set.of()),
            Params.single(ctx, "q").map(MapParams::text),
            Optional.empty());
    return zoneFilter(api, ctx, q);
  }

  /** {@code zone=ID}: only the events inside that zone (as /api/zones/{id}/events counts them). */
  private static EventQuery zoneFilter(Api api, Context ctx, EventQuery q) {
    Optional<String> raw = Params.single(ctx, "zone");
    if (raw.isEmpty()) {
      return q;
    }
    long id;
    try {
      id = AsciiNumbers.parseLong(raw.get());
    } catch (NumberFormatException e) {
      throw Params.malformed("Invalid zone", "zone is a zone id, got '" + raw.get() + "'");
    }
    var zone = api.zones().get(id).orElseThrow(() -> Params.notFound("zone", id));
    return new EventQuery(
            ZoneRoutes.withinZone(q.bbox(), zone),
            q.from(),
            q.to(),
            q.limit(),
            q.types(),
            q.text(),
            q.zone())
        .inZone(id);
  }

  private void get(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Event e = api.events().get(id).orElseThrow(() -> Params.notFound("event", id));
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(EventJson.toFeature(e, api.json()).toString());
  }
}
