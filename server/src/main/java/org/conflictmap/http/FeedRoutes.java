package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.conflictmap.feeds.FeedFetcher;
import org.conflictmap.store.FeedStore;

/**
 * {@code GET /api/feeds}: every configured or previously polled feed with how its last poll went,
 * its error if it failed, and counts of the items it brought in.
 */
final class FeedRoutes {
  private static final int RECENT_FAILURES = 5;
  private final Api api;

  FeedRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/feeds", this::list);
  }

  private void list(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    Map<String, FeedStore.Feed> known = new LinkedHashMap<>();
    for (URI u : api.config().feedUrls()) {
      known.put(u.toString(), null);
    }
    for (FeedStore.Feed f : api.feeds().feeds()) {
      known.put(f.url(), f);
    }
    Set<String> configured =
        api.config().feedUrls().stream()
            .map(URI::toString)
            .collect(java.util.stream.Collectors.toSet());
    ObjectNode out = api.json().createObjectNode();
    out.put("polling", !configured.isEmpty());
    out.put("interval_seconds", api.config().feedInterval().toSeconds());
    ArrayNode feeds = out.putArray("feeds");
    known.forEach((url, f) -> feeds.add(feed(url, f, configured.contains(url))));
    ctx.contentType("application/json").result(out.toString());
  }

  private ObjectNode feed(String url, FeedStore.Feed f, boolean configured) {
    ObjectNode n = api.json().createObjectNode();
    // feed addresses sometimes carry credentials; the status page is public
    n.put("url", FeedFetcher.redact(URI.create(url)));
    n.put("configured", configured);
    n.put("status", f == null || f.lastStatus() == null ? "pending" : f.lastStatus());
    n.put("last_polled_at", text(f == null ? null : f.lastPolledAt()));
    n.put("last_ok_at", text(f == null ? null : f.lastOkAt()));
    n.put("last_error", f == null ? null : f.lastError());
    n.put("last_error_at", text(f == null ? null : f.lastErrorAt()));
    ObjectNode items = n.putObject("items");
    items.put("ingested", f == null ? 0 : f.ingested());
    items.put("duplicate", f == null ? 0 : f.duplicates());
    items.put("failed", f == null ? 0 : f.failed());
    // articles whose item carried no usable date: their events are dated by the fetch
    items.put("dated_by_fetch", f == null ? 0 : f.datedByFetch());
    ArrayNode failures = n.putArray("recent_failures");
    if (f != null && f.failed() > 0) {
      for (FeedStore.Item i : api.feeds().failedItems(url, RECENT_FAILURES)) {
        ObjectNode e = failures.addObject();
        e.put("link", i.link());
        e.put("title", i.title());
        e.put("reason", i.reason());
        e.put("attempts", i.attempts());
        e.put("last_attempt_at", text(i.lastAttemptAt()));
      }
    }
    return n;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
