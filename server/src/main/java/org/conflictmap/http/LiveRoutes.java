package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventQuery;
import org.conflictmap.store.LatestEvents;

/**
 * {@code GET /api/events/latest?after=ID&limit=N}: what a live map polls. The newest events (id
 * above {@code after}), newest first, each with {@code reported_at} (when its first article
 * arrived), plus {@code latest_id} (the cursor for the next poll: the newest live id, filters
 * aside) and {@code new_count}. The filters of {@code /api/events} (bbox, datetime, type, q, zone,
 * country, ...) narrow the events and the count to what the polling map shows.
 */
final class LiveRoutes {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  private final Api api;

  LiveRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/events/latest", this::latest);
  }

  private void latest(Context ctx) {
    Set<String> allowed = new java.util.HashSet<>(EventRoutes.PARAMS);
    allowed.remove("cursor");
    allowed.add("after");
    Params.allowOnly(ctx, allowed);
    long after = Params.single(ctx, "after").map(LiveRoutes::cursor).orElse(0L);
    int limit = Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    // the list's filters (bbox, datetime, type, q, zone, country, ...) read as /api/events reads
    // them
    LatestEvents.Page page =
        api.latest().after(after, limit, EventRoutes.query(api, ctx, EventQuery.DEFAULT_LIMIT));
    ObjectNode out = api.json().createObjectNode();
    out.put("type", "FeatureCollection");
    out.put("latest_id", page.latestId());
    out.put("new_count", page.newCount());
    ArrayNode features = out.putArray("features");
    for (Event e : page.events()) {
      ObjectNode f = EventJson.toFeature(e, api.json());
      Instant at = page.reported().get(e.id());
      ((ObjectNode) f.get("properties")).put("reported_at", at == null ? null : at.toString());
      features.add(f);
    }
    // polled often: no caching, so every poll sees the newest
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/geo+json; charset=utf-8").result(out.toString());
  }

  private static long cursor(String raw) {
    try {
      long v = AsciiNumbers.parseLong(raw);
      if (v >= 0) return v;
    } catch (NumberFormatException e) {
      // fall through to the problem
    }
    throw Params.malformed(
        "Invalid after",
        "after is the latest_id of an earlier answer (0 or more), got '" + raw + "'");
  }
}
