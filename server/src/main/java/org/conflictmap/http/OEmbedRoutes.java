package org.conflictmap.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.events.Event;
import org.conflictmap.preview.PreviewRenderer;
import org.conflictmap.problem.InputException;

/**
 * oEmbed (https://oembed.com): {@code /oembed?url=…} answers a {@code rich} embed for a map view or
 * an event page of this server; other URLs are 404, and any format but JSON is 501, as the spec
 * says.
 */
final class OEmbedRoutes {
  static final int DEFAULT_WIDTH = 800;
  static final int DEFAULT_HEIGHT = 500;
  private static final Set<String> PARAMS = Set.of("url", "maxwidth", "maxheight", "format");
  private static final Pattern EVENT_PATH = Pattern.compile("/events/(\\d{1,18})/?");
  private final Api api;

  OEmbedRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/oembed", this::oembed);
  }

  private void oembed(Context ctx) {
    Params.allowOnly(ctx, PARAMS);
    String format = Params.single(ctx, "format").orElse("json");
    if (!format.equals("json")) {
      // oEmbed's own status for a format the provider does not speak
      Problems.write(
          ctx,
          api.json(),
          501,
          "Format not implemented",
          "this provider answers oEmbed in JSON only (format=json), not '" + format + "'");
      return;
    }
    String url =
        Params.single(ctx, "url")
            .filter(u -> !u.isBlank())
            .orElseThrow(
                () -> Params.malformed("Missing url", "url is the address of the page to embed"));
    int maxWidth = Params.intParam(ctx, "maxwidth", DEFAULT_WIDTH, 1, 10_000);
    int maxHeight = Params.intParam(ctx, "maxheight", DEFAULT_HEIGHT, 1, 10_000);
    String base = PublicUrls.base(ctx, api.config());
    URI page = parse(url);
    String path =
        localPath(page, base, PublicUrls.requestOrigin(ctx)).orElseThrow(() -> foreign(base));

    int width = Math.min(DEFAULT_WIDTH, maxWidth);
    int height = Math.min(DEFAULT_HEIGHT, maxHeight);
    ObjectNode out = api.json().createObjectNode();
    out.put("version", "1.0");
    out.put("type", "rich");
    out.put("provider_name", "conflictmap");
    out.put("provider_url", base + "/");
    out.put("cache_age", 3600);
    String src;
    String title;
    String thumbnail;
    Matcher m = EVENT_PATH.matcher(path);
    if (m.matches()) {
      long id = AsciiNumbers.parseLong(m.group(1));
      Event e = api.events().get(id).orElseThrow(() -> foreign(base));
      src = base + EventPageRoutes.embedPath(e);
      title = EventPageRoutes.title(e);
      thumbnail = base + "/events/" + e.id() + "/preview.png";
    } else if (path.isEmpty() || path.equals("/") || path.equals("/embed")) {
      String raw = page.getRawQuery();
      // a view that the map could not restore has no embed either; say why rather than 404
      Map<String, String> view = MapParams.parse(queryMap(raw)).toQuery();
      String q = PublicUrls.query(view);
      src = base + "/embed" + (q.isEmpty() ? "" : "?" + q);
      title = "conflictmap";
      thumbnail = base + "/preview.png" + (q.isEmpty() ? "" : "?" + q);
    } else {
      throw foreign(base);
    }
    out.put("title", title);
    out.put(
        "html",
        "<iframe src=\""
            + Html.esc(src)
            + "\" width=\""
            + width
            + "\" height=\""
            + height
            + "\" title=\""
            + Html.esc(title)
            + "\" style=\"border:0\" loading=\"lazy\" allowfullscreen></iframe>");
    out.put("width", width);
    out.put("height", height);
    // the spec lets a thumbnail be sent only when it fits inside maxwidth × maxheight
    boolean widthFits =
        !ctx.queryParamMap().containsKey("maxwidth") || PreviewRenderer.WIDTH <= maxWidth;
    boolean heightFits =
        !ctx.queryParamMap().containsKey("maxheight") || PreviewRenderer.HEIGHT <= maxHeight;
    if (widthFits && heightFits) {
      out.put("thumbnail_url", thumbnail);
      out.put("thumbnail_width", PreviewRenderer.WIDTH);
      out.put("thumbnail_height", PreviewRenderer.HEIGHT);
    }
    ctx.contentType("application/json").result(out.toString());
  }

  /** The path of the URL below one of our bases, or empty when the URL is someone else's. */
  static Optional<String> localPath(URI page, String... bases) {
    String s = page.toString();
    for (String base : new LinkedHashSet<>(List.of(bases))) {
      if (s.regionMatches(true, 0, base, 0, base.length())) {
        String rest = s.substring(base.length());
        if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
          String path = page.getRawPath() == null ? "" : page.getRawPath();
          String basePath = parse(base).getRawPath() == null ? "" : parse(base).getRawPath();
          return Optional.of(path.substring(Math.min(basePath.length(), path.length())));
        }
      }
    }
    return Optional.empty();
  }

  static Map<String, List<String>> queryMap(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      // embed options are not part of the view; they are not carried into the answer
      if (MapParams.NAMES.contains(k)) {
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Params.malformed("Invalid url", "the url's query is not valid percent-encoding");
    }
  }

  private static URI parse(String url) {
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        throw Params.malformed(
            "Invalid url", "url must be an absolute http(s) URL, got '" + url + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw Params.malformed("Invalid url", "url is not a URL: " + e.getMessage());
    }
  }

  /**
   * The URL is not one of ours. The detail names the pages that have embeds, never the URL asked
   * for: echoing it would put a client's host into what we answer.
   */
  private static InputException foreign(String base) {
    return new InputException(
        InputException.Kind.NOT_FOUND,
        "Not found",
        "this server has embeds only for its map ("
            + base
            + "/ or "
            + base
            + "/embed) and its event pages ("
            + base
            + "/events/{id}) that exist");
  }
}
