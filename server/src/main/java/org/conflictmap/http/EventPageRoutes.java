package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventWhen;
import org.conflictmap.preview.PreviewRenderer;
import org.conflictmap.preview.Previews;

/**
 * The pages people share: {@code /events/{id}} (server-rendered, readable without JavaScript, with
 * Open Graph and Twitter-card tags), {@code /embed} (the map without chrome, for iframes) and the
 * map at {@code /}, which gains the oEmbed discovery link for its own URL.
 */
final class EventPageRoutes {
  private static final String SHARE_META = "<!-- share-meta -->";
  private final Api api;

  EventPageRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::mapPage);
    routes.get("/embed", this::embedPage);
    routes.get("/events/{id}", this::eventPage);
  }

  private void mapPage(Context ctx) {
    String base = PublicUrls.base(ctx, api.config());
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
    String self = base + "/" + query;
    ViewCard card = ViewCard.of(api, ctx.queryParamMap());
    String meta =
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\""
            + Html.esc(oembedUrl(base, self))
            + "\" title=\"conflictmap\">\n"
            + meta("property", "og:title", card.title())
            + meta("property", "og:description", card.description())
            + meta("name", "description", card.description())
            + meta("name", "twitter:title", card.title())
            + meta("name", "twitter:description", card.description())
            + "  <meta property=\"og:type\" content=\"website\">\n"
            + "  <meta property=\"og:url\" content=\""
            + Html.esc(self)
            + "\">\n"
            + "  <meta property=\"og:image\" content=\""
            + Html.esc(base + "/preview.png" + query)
            + "\">\n"
            + "  <meta name=\"twitter:card\" content=\"summary_large_image\">";
    html(ctx, Resources.text("/public/index.html").replace(SHARE_META, meta));
  }

  private void embedPage(Context ctx) {
    html(ctx, Resources.text("/public/embed.html"));
  }

  private void eventPage(Context ctx) {
    Optional<Event> found = parseId(ctx.pathParam("id")).flatMap(id -> api.events().get(id));
    if (found.isEmpty()) {
      ctx.status(404);
      html(ctx, notFoundPage(ctx.pathParam("id")));
      return;
    }
    html(ctx, eventHtml(found.get(), PublicUrls.base(ctx, api.config())));
  }

  static Optional<Long> parseId(String raw) {
    try {
      long id = AsciiNumbers.parseLong(raw);
      return id > 0 ? Optional.of(id) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String oembedUrl(String base, String pageUrl) {
    return base + "/oembed?format=json&url=" + PublicUrls.encode(pageUrl);
  }

  /** The embed's address for an event: centred on it, at the zoom of its preview. */
  static String embedPath(Event e) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("event", String.valueOf(e.id()));
    q.put("center", e.lon() + "," + e.lat());
    q.put("zoom", String.valueOf((int) Previews.EVENT_ZOOM));
    return "/embed?" + PublicUrls.query(q);
  }

  static String title(Event e) {
    return place(e) + ": " + type(e) + ", " + day(e);
  }

  static String description(Event e) {
    String s = e.sentence() == null ? "" : e.sentence().strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      return type(e) + " at " + place(e) + ", " + day(e) + ".";
    }
    return s.length() > 300 ? s.substring(0, 297).strip() + "…" : s;
  }

  static String place(Event e) {
    return e.placeName() == null || e.placeName().isBlank() ? "Unknown place" : e.placeName();
  }

  static String type(Event e) {
    return e.eventType() == null || e.eventType().isBlank() ? "Event" : e.eventType();
  }

  static String day(Event e) {
    return EventWhen.describe(e, EventWhen.LONG);
  }

  private static String eventHtml(Event e, String base) {
    String url = base + "/events/" + e.id();
    String title = title(e);
    String description = description(e);
    String image = url + "/preview.png";
    String article =
        e.articleTitle() == null || e.articleTitle().isBlank() ? null : e.articleTitle().strip();
    String source = httpUrl(e.sourceUrl());
    String kicker =
        e.subEventType() == null || e.subEventType().isBlank() || e.subEventType().equals(type(e))
            ? type(e)
            : type(e) + " · " + e.subEventType();
    StringBuilder h = new StringBuilder(4096);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n")
        .append("  <meta charset=\"utf-8\">\n")
        .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("  <title>")
        .append(Html.esc(title))
        .append(" · conflictmap</title>\n")
        .append(meta("name", "description", description))
        .append("  <link rel=\"canonical\" href=\"")
        .append(Html.esc(url))
        .append("\">\n")
        .append("  <link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
        .append(Html.esc(oembedUrl(base, url)))
        .append("\" title=\"")
        .append(Html.esc(title))
        .append("\">\n")
        .append(meta("property", "og:type", "article"))
        .append(meta("property", "og:site_name", "conflictmap"))
        .append(meta("property", "og:title", title))
        .append(meta("property", "og:description", description))
        .append(meta("property", "og:url", url))
        .append(meta("property", "og:image", image))
        .append(meta("property", "og:image:type", "image/png"))
        .append(meta("property", "og:image:width", String.valueOf(PreviewRenderer.WIDTH)))
        .append(meta("property", "og:image:height", String.valueOf(PreviewRenderer.HEIGHT)))
        .append(meta("property", "og:image:alt", "Map of " + place(e) + " with the event marked"))
        .append(meta("name", "twitter:card", "summary_large_image"))
        .append(meta("name", "twitter:title", title))
        .append(meta("name", "twitter:description", description))
        .append(meta("name", "twitter:image", image))
        .append("  <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
        .append("  <link rel=\"stylesheet\" href=\"/css/app.css\">\n")
        .append("  <link rel=\"stylesheet\" href=\"/css/share.css\">\n")
        .append("</head>\n<body class=\"event-page\">\n")
        .append(
            "  <header class=\"topbar\"><a class=\"brand\" href=\"/\">conflict<span>map</span></a>")
        .append("<p class=\"tagline\">An event reported in the news</p></header>\n")
        .append("  <main class=\"event-page-main\">\n")
        .append("    <article class=\"event-card\" data-event-id=\"")
        .append(e.id())
        .append("\">\n")
        .append("      <p class=\"popup-kicker\">")
        .append(Html.esc(kicker))
        .append("</p>\n")
        .append("      <h1 class=\"event-place\">")
        .append(Html.esc(place(e)))
        .append("</h1>\n")
        .append("      <p class=\"event-meta\"><time datetime=\"")
        .append(e.eventDate() == null ? "" : e.eventDate())
        .append("\">")
        .append(Html.esc(day(e)))
        .append("</time>");
    if (e.precision() != null) {
      h.append(" · located to the ").append(Html.esc(e.precision()));
    }
    if (e.fatalities() != null) {
      h.append(" · ").append(e.fatalities()).append(" fatalities reported");
    }
    if (e.placeConfidence() != null) {
      h.append(" · <span class=\"place-confidence\">place confidence ")
          .append(Math.round(100 * e.placeConfidence()))
          .append("%</span>");
    }
    h.append("</p>\n");
    if (e.sentence() != null && !e.sentence().isBlank()) {
      h.append("      <blockquote class=\"event-sentence\">")
          .append(Html.esc(e.sentence().strip()))
          .append("</blockquote>\n");
    }
    h.append("      <p class=\"event-source\">From ")
        .append(article == null ? "an untitled article" : "<cite>" + Html.esc(article) + "</cite>");
    if (source != null) {
      h.append(" · <a class=\"source-link\" href=\"")
          .append(Html.esc(source))
          .append("\" rel=\"noopener noreferrer\">Read the source</a>");
    }
    h.append("</p>\n")
        .append("      <div class=\"event-actions\">\n")
        .append("        <a class=\"button\" href=\"/?event=")
        .append(e.id())
        .append("\">Open on the map</a>\n")
        .append("        <button type=\"button\" id=\"share-button\" data-share-url=\"")
        .append(Html.esc(url))
        .append("\">Share</button>\n")
        .append("        <span id=\"share-status\" class=\"share-status\" role=\"status\"")
        .append(" aria-live=\"polite\"></span>\n")
        .append("        ")
        .append(SocialLinks.html(url, title))
        .append("\n")
        .append("      </div>\n")
        .append("    </article>\n")
        .append("    <div class=\"event-map\"><iframe src=\"")
        .append(Html.esc(embedPath(e)))
        .append("\" title=\"Map around ")
        .append(Html.esc(place(e)))
        .append("\" loading=\"lazy\"></iframe></div>\n")
        .append("  </main>\n")
        .append("  <script type=\"module\" src=\"/js/eventPage.js\"></script>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static String notFoundPage(String rawId) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>No such event · conflictmap</title>\n"
        + "<link rel=\"stylesheet\" href=\"/css/app.css\">\n"
        + "<link rel=\"stylesheet\" href=\"/css/share.css\">\n"
        + "</head>\n<body class=\"event-page\">\n"
        + "<header class=\"topbar\"><a class=\"brand\" href=\"/\">conflict<span>map</span></a></header>\n"
        + "<main class=\"event-page-main\"><article class=\"event-card\">\n"
        + "<h1>No such event</h1>\n<p>There is no event "
        + Html.esc(rawId.length() > 40 ? rawId.substring(0, 40) + "…" : rawId)
        + " on this map. It may have been removed, or the link may be mistyped.</p>\n"
        + "<p><a class=\"button\" href=\"/\">Go to the map</a></p>\n"
        + "</article></main>\n</body>\n</html>\n";
  }

  private static String meta(String attr, String name, String content) {
    return "  <meta " + attr + "=\"" + name + "\" content=\"" + Html.esc(content) + "\">\n";
  }

  /** Only http(s) sources become links: a javascript: URL stored with an article stays text. */
  private static String httpUrl(String s) {
    if (s == null) {
      return null;
    }
    String lower = s.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? s.strip() : null;
  }

  private static void html(Context ctx, String body) {
    ctx.contentType("text/html; charset=utf-8").result(body);
  }
}
