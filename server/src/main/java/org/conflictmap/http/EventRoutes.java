package org.conflictmap.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventJsonStream;
import org.conflictmap.events.EventQuery;
import org.conflictmap.store.EventStore;

/** {@code GET /api/events} (filtered GeoJSON) and {@code GET /api/events/{id}}. */
final class EventRoutes {
  static final Set<String> PARAMS = ViewGrammar.with(ViewGrammar.FILTERS, "limit", "cursor");
  private final Api api;

  EventRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/events", this::list);
    routes.get("/api/events/{id}", this::get);
  }

  private void list(Context ctx) throws java.io.IOException {
    Params.allowOnly(ctx, PARAMS);
    EventQuery q =
        query(api, ctx, ViewGrammar.of(ctx).limit(EventQuery.DEFAULT_LIMIT, EventQuery.MAX_LIMIT));
    String tag = Freshness.tag(api.events().dataVersion());
    if (Freshness.notModified(ctx, tag)) {
      return;
    }
    EventStore.PageIds page = api.events().pageIds(q);
    // a last page of the first: as many match as it holds, however many are returned once read
    Optional<EventJsonStream.Matched> matched =
        page.next().isEmpty() && q.after().isEmpty()
            ? Optional.empty()
            : Optional.of(
                page.matched()
                    .map(c -> new EventJsonStream.Matched(c.value(), c.exact()))
                    .orElseGet(
                        () -> {
                          EventStore.Count c = api.events().countUpTo(q, EventStore.COUNT_CAP);
                          return new EventJsonStream.Matched(c.value(), c.exact());
                        }));
    Optional<String> next = page.next().map(c -> nextHref(ctx, c));
    // everything that can fail with a problem answer has run: from here the bytes stream out,
    // each feature written as its row is read
    Freshness.mark(ctx, tag);
    ctx.contentType("application/geo+json; charset=utf-8");
    try (JsonGenerator g =
        api.json()
            .getFactory()
            .createGenerator(ctx.outputStream())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      EventJsonStream.write(g, sink -> api.events().forEach(page.ids(), sink), matched, next);
    }
  }

  /** This request's own URL with the cursor of the next page in place of its own. */
  private static String nextHref(Context ctx, EventQuery.Cursor next) {
    StringBuilder b = new StringBuilder("/api/events?");
    for (var e : new java.util.TreeMap<>(ctx.queryParamMap()).entrySet()) {
      if (e.getKey().equals("cursor")) {
        continue;
      }
      for (String v : e.getValue()) {
        b.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
      }
    }
    return b.append("cursor=").append(ViewGrammar.encodeCursor(next)).toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The filters of {@code /api/events} ({@link ViewGrammar#FILTERS}) and its cursor as a query; the
   * aggregate, zone and export routes read the same ones, so their counts are the list's.
   */
  static EventQuery query(Api api, Context ctx, int limit) {
    ViewGrammar g = ViewGrammar.of(ctx);
    EventQuery q = g.filters(limit);
    Optional<EventQuery.Cursor> cursor = g.cursor();
    if (cursor.isPresent()) {
      q = q.after(cursor.get());
    }
    return zoneFilter(api, q);
  }

  /** {@code zone=ID}: only the events inside that zone (as /api/zones/{id}/events counts them). */
  private static EventQuery zoneFilter(Api api, EventQuery q) {
    if (q.zone().isEmpty()) {
      return q;
    }
    long id = q.zone().get();
    var zone = api.zones().get(id).orElseThrow(() -> Params.notFound("zone", id));
    return q.withBbox(ZoneRoutes.withinZone(q.bbox(), zone));
  }

  private void get(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Event e = api.events().get(id).orElseThrow(() -> Params.notFound("event", id));
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(EventJson.toFeature(e, api.json()).toString());
  }
}
