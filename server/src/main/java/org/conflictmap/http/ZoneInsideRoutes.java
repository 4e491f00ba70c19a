package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventQuery;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneStats;

/**
 * What happened inside zones: {@code GET /api/zones/{id}/events} (the filters of /api/events),
 * {@code GET /api/zones/{id}/stats?interval=day|week|month}, and {@code GET /api/zones/density}
 * (events per zone and per country for the choropleth). Answers say how many events near the zone
 * were left out as located too coarsely, and why.
 */
final class ZoneInsideRoutes {
  /** The filters of /api/events but the zone, which is this one. */
  private static final Set<String> EVENT_PARAMS =
      ViewGrammar.with(ViewGrammar.FILTERS, "limit").stream()
          .filter(n -> !n.equals("zone"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final Set<String> INTERVALS = Set.of("day", "week", "month");
  private final Api api;

  ZoneInsideRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    // before /api/zones/{id}
    routes.get("/api/zones/density", this::density);
    routes.get("/api/zones/{id}/events", this::events);
    routes.get("/api/zones/{id}/stats", this::stats);
  }

  private void events(Context ctx) {
    Params.allowOnly(ctx, EVENT_PARAMS);
    Zone zone = zone(ctx);
    ViewGrammar g = ViewGrammar.of(ctx);
    EventQuery f = g.filters(g.limit(EventQuery.DEFAULT_LIMIT, EventQuery.MAX_LIMIT));
    EventQuery q = f.withBbox(ZoneRoutes.withinZone(f.bbox(), zone)).inZone(zone.id());
    List<Event> events = api.events().find(q);
    long matched = events.size() < q.limit() ? events.size() : api.events().count(q);
    ObjectNode fc = EventJson.toFeatureCollection(events, matched, api.json());
    fc.put("zone_id", zone.id());
    fc.set("excluded", excluded(api.zoneEvents().excluded(zone, q.from(), q.to())));
    ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString());
  }

  private void stats(Context ctx) {
    Params.allowOnly(ctx, Set.of("interval", "datetime"));
    Zone zone = zone(ctx);
    String interval = Params.single(ctx, "interval").orElse("month");
    if (!INTERVALS.contains(interval)) {
      throw Params.malformed(
          "Invalid interval", "interval is day, week or month, got '" + interval + "'");
    }
    ViewGrammar.Interval dates = ViewGrammar.of(ctx).datetime();
    ZoneStats s = api.zoneEvents().stats(zone, dates.from(), dates.to(), interval);
    ObjectNode body = api.json().createObjectNode();
    body.put("zone_id", s.zoneId());
    body.put("zone_name", zone.name());
    body.put("interval", s.interval());
    body.set("total", bucket(s.total()));
    ArrayNode series = body.putArray("series");
    s.series().forEach(b -> series.add(bucket(b)));
    body.set("excluded", excluded(s.excluded()));
    ctx.contentType("application/json").result(body.toString());
  }

  private void density(Context ctx) {
    Params.allowOnly(ctx, Set.of("datetime", "at"));
    ViewGrammar.Interval dates = ViewGrammar.of(ctx).datetime();
    Optional<LocalDate> from = dates.from();
    Optional<LocalDate> to = dates.to();
    List<Zone> zones = ZoneRoutes.zonesAt(ctx, api);
    Map<Long, Long> perZone = api.zoneEvents().countsPerZone(zones, from, to);
    ObjectNode body = api.json().createObjectNode();
    ArrayNode zs = body.putArray("zones");
    for (Zone z : zones) {
      long n = perZone.getOrDefault(z.id(), 0L);
      double km2 = org.conflictmap.zones.ZoneArea.squareKilometres(z.geometry());
      ObjectNode o = zs.addObject();
      o.put("id", z.id());
      o.put("name", z.name());
      o.put("events", n);
      o.put("area_km2", Math.round(km2));
      o.put("per_1000_km2", km2 > 0 ? n * 1000 / km2 : 0);
    }
    ObjectNode countries = body.putObject("countries");
    api.zoneEvents().countsPerCountry(from, to).forEach(countries::put);
    ctx.contentType("application/json").result(body.toString());
  }

  private Zone zone(Context ctx) {
    long id = Params.id(ctx);
    return api.zones().get(id).orElseThrow(() -> Params.notFound("zone", id));
  }

  private ObjectNode bucket(ZoneStats.Bucket b) {
    ObjectNode o = api.json().createObjectNode();
    if (b.start() != null) {
      o.put("start", b.start().toString());
    }
    o.put("events", b.events());
    o.put("fatalities", b.fatalities());
    o.set("by_type", api.json().valueToTree(b.byType()));
    return o;
  }

  private ObjectNode excluded(ZoneStats.Exclusions x) {
    ObjectNode o = api.json().createObjectNode();
    o.put("count", x.count());
    ArrayNode reasons = o.putArray("reasons");
    for (ZoneStats.Reason r : x.reasons()) {
      reasons
          .addObject()
          .put("precision", r.precision())
          .put("count", r.count())
          .put("why", r.why());
    }
    return o;
  }
}
