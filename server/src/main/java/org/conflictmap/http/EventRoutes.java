package org.conflictmap.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventJsonStream;
import org.conflictmap.events.EventQuery;
import org.conflictmap.store.EventStore;

/** {@code GET /api/events} (filtered GeoJSON) and {@code GET /api/events/{id}}. */
final class EventRoutes {
  static final Set<String> PARAMS =
      Set.of(
          "bbox",
          "datetime",
          "limit",
          "type",
          "q",
          "zone",
          "country",
          "actor",
          "precision",
          "min_fatalities",
          "cursor",
          "min_confidence");
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
        query(api, ctx, Params.pageLimit(ctx, EventQuery.DEFAULT_LIMIT, EventQuery.MAX_LIMIT));
    String tag = Freshness.tag(api.events().dataVersion());
    if (Freshness.notModified(ctx, tag)) {
      return;
    }
    EventStore.Page page = api.events().page(q);
    List<Event> events = page.events();
    EventStore.Count matched =
        page.next().isEmpty() && q.after().isEmpty()
            ? new EventStore.Count(events.size(), true)
            : page.matched().orElseGet(() -> api.events().countUpTo(q, EventStore.COUNT_CAP));
    Optional<String> next = page.next().map(c -> nextHref(ctx, c));
    // everything that can fail with a problem answer has run: from here the bytes stream out
    Freshness.mark(ctx, tag);
    ctx.contentType("application/geo+json; charset=utf-8");
    try (JsonGenerator g =
        api.json()
            .getFactory()
            .createGenerator(ctx.outputStream())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      EventJsonStream.write(
          g, events, new EventJsonStream.Matched(matched.value(), matched.exact()), next);
    }
  }

  /** {@code actor=text}: part of an actor's name, any case. */
  private static String actor(String raw) {
    if (raw.isBlank() || raw.length() > 200) {
      throw Params.malformed(
          "Invalid actor", "actor is part of an actor's name, 1 to 200 characters");
    }
    return raw;
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
    return b.append("cursor=").append(Params.encodeCursor(next)).toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code min_confidence=0.7}: a number from 0 to 1, the least type confidence shown. */
  private static java.util.OptionalDouble minConfidence(Context ctx) {
    Optional<String> raw = Params.single(ctx, "min_confidence");
    if (raw.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    double v;
    try {
      v = Double.parseDouble(raw.get().strip());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= 1) || !raw.get().strip().matches("[0-9.]+")) {
      throw Params.malformed(
          "Invalid min_confidence",
          "min_confidence is a number from 0 to 1, got '" + raw.get() + "'");
    }
    return java.util.OptionalDouble.of(v);
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
            Optional.empty(),
            Params.countries(ctx),
            Params.single(ctx, "actor").map(EventRoutes::actor),
            Params.precisions(ctx),
            Optional.of(Params.intParam(ctx, "min_fatalities", -1, 0, 1_000_000))
                .filter(n -> n >= 0),
            Params.cursor(ctx),
            minConfidence(ctx));
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
    return q.withBbox(ZoneRoutes.withinZone(q.bbox(), zone)).inZone(id);
  }

  private void get(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Event e = api.events().get(id).orElseThrow(() -> Params.notFound("event", id));
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(EventJson.toFeature(e, api.json()).toString());
  }
}
