package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventQuery;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneJson;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * OGC API – Features, Part 1 (Core, GeoJSON, HTML) under {@code /ogc}: the landing page, {@code
 * /conformance}, {@code /collections} ({@code events}, {@code zones}, {@code countries}), their
 * {@code /items} (bbox, datetime, limit, offset paging with {@code next} links) and single items.
 * JSON (GeoJSON for features) by default, HTML when {@code f=html} or the {@code Accept} header
 * prefers {@code text/html}; every value in a page goes through {@link Html#esc}.
 */
final class OgcRoutes {
  static final String BASE = "/ogc";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = EventQuery.MAX_LIMIT;

  private static final String JSON = "application/json";
  private static final String GEOJSON = "application/geo+json";
  private static final String HTML = "text/html";
  private static final Set<String> ITEMS_PARAMS =
      Set.of("bbox", "datetime", "limit", "offset", "f");

  /** The collections served, in the order /collections lists them. */
  private static final Map<String, String[]> COLLECTIONS = new LinkedHashMap<>();

  static {
    COLLECTIONS.put(
        "events",
        new String[] {
          "Events",
          "Conflict events extracted from news articles, one point each, ACLED field names;"
              + " dated to the day (datetime filters by event_date)."
        });
    COLLECTIONS.put(
        "zones",
        new String[] {
          "Zones",
          "Areas editors drew (control, frontline, ...), valid from valid_from to valid_to"
              + " (open ends: always)."
        });
    COLLECTIONS.put(
        "countries",
        new String[] {
          "Countries", "Natural Earth country borders (public domain); they carry no time."
        });
  }

  private final Api api;
  private volatile List<Country> countries;

  OgcRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE, this::landing);
    routes.get(BASE + "/", this::landing);
    routes.get(BASE + "/conformance", this::conformance);
    routes.get(BASE + "/collections", this::collections);
    routes.get(BASE + "/collections/{cid}", this::collection);
    routes.get(BASE + "/collections/{cid}/items", this::items);
    routes.get(BASE + "/collections/{cid}/items/{fid}", this::item);
  }

  // ---- resources ----

  private void landing(Context ctx) {
    boolean html = wantsHtml(ctx, Set.of("f"));
    ObjectNode body = api.json().createObjectNode();
    body.put("title", "conflictmap");
    body.put(
        "description",
        "Conflict events, zones and country borders as OGC API – Features (Part 1: Core, GeoJSON,"
            + " HTML).");
    ArrayNode links = body.putArray("links");
    String base = base(ctx);
    selfLinks(links, base + BASE, JSON, html, "this document");
    link(links, base + BASE + "/conformance?f=json", "conformance", JSON, "conformance classes");
    link(
        links,
        base + BASE + "/conformance?f=json",
        "http://www.opengis.net/def/rel/ogc/1.0/conformance",
        JSON,
        "conformance classes");
    link(links, base + BASE + "/collections?f=json", "data", JSON, "collections");
    link(
        links,
        base + BASE + "/collections?f=json",
        "http://www.opengis.net/def/rel/ogc/1.0/data",
        JSON,
        "collections");
    link(links, base + BASE + "/collections?f=html", "data", HTML, "collections as HTML");
    respond(ctx, body, html, JSON, "conflictmap – OGC API – Features");
  }

  private void conformance(Context ctx) {
    boolean html = wantsHtml(ctx, Set.of("f"));
    ObjectNode body = api.json().createObjectNode();
    ArrayNode conformsTo = body.putArray("conformsTo");
    CONFORMANCE.forEach(conformsTo::add);
    ArrayNode links = body.putArray("links");
    selfLinks(links, base(ctx) + BASE + "/conformance", JSON, html, "conformance classes");
    respond(ctx, body, html, JSON, "Conformance");
  }

  private void collections(Context ctx) {
    boolean html = wantsHtml(ctx, Set.of("f"));
    String base = base(ctx);
    ObjectNode body = api.json().createObjectNode();
    ArrayNode links = body.putArray("links");
    selfLinks(links, base + BASE + "/collections", JSON, html, "collections");
    ArrayNode list = body.putArray("collections");
    for (String id : COLLECTIONS.keySet()) {
      list.add(describe(id, base));
    }
    respond(ctx, body, html, JSON, "Collections");
  }

  private void collection(Context ctx) {
    boolean html = wantsHtml(ctx, Set.of("f"));
    String id = collectionId(ctx);
    ObjectNode body = describe(id, base(ctx));
    ArrayNode links = (ArrayNode) body.get("links");
    ArrayNode ordered = api.json().createArrayNode();
    selfLinks(ordered, base(ctx) + BASE + "/collections/" + id, JSON, html, "this collection");
    ordered.addAll(links);
    body.set("links", ordered);
    respond(ctx, body, html, JSON, COLLECTIONS.get(id)[0]);
  }

  private ObjectNode describe(String id, String base) {
    ObjectNode c = api.json().createObjectNode();
    c.put("id", id);
    c.put("title", COLLECTIONS.get(id)[0]);
    c.put("description", COLLECTIONS.get(id)[1]);
    c.put("itemType", "feature");
    c.putArray("crs").add(CRS84);
    ObjectNode extent = c.putObject("extent");
    ObjectNode spatial = extent.putObject("spatial");
    spatial.putArray("bbox").addArray().add(-180).add(-90).add(180).add(90);
    spatial.put("crs", CRS84);
    if (!id.equals("countries")) {
      ObjectNode temporal = extent.putObject("temporal");
      temporal.putArray("interval").addArray().addNull().addNull();
      temporal.put("trs", GREGORIAN);
    }
    ArrayNode links = c.putArray("links");
    String items = base + BASE + "/collections/" + id + "/items";
    link(links, items + "?f=json", "items", GEOJSON, COLLECTIONS.get(id)[0] + " as GeoJSON");
    link(links, items + "?f=html", "items", HTML, COLLECTIONS.get(id)[0] + " as HTML");
    return c;
  }

  private void items(Context ctx) {
    String id = collectionId(ctx);
    boolean html = wantsHtml(ctx, ITEMS_PARAMS);
    Optional<Envelope> bbox = bbox(ctx);
    ViewGrammar.Interval interval = datetime(ctx);
    int limit = limit(ctx);
    long offset = offset(ctx);
    List<ObjectNode> features = new ArrayList<>();
    long matched;
    switch (id) {
      case "events" -> {
        EventQuery q = new EventQuery(bbox, interval.from(), interval.to(), limit);
        List<Event> page = api.events().findPage(q, offset);
        for (Event e : page) {
          features.add(EventJson.toFeature(e, api.json()));
        }
        matched = offset == 0 && page.size() < limit ? page.size() : api.events().count(q);
      }
      case "zones" -> {
        List<Zone> all = new ArrayList<>();
        Geometry box = bbox.map(OgcRoutes::boxGeometry).orElse(null);
        for (Zone z : api.zones().list()) {
          if ((box == null || z.geometry().intersects(box)) && during(z, interval)) {
            all.add(z);
          }
        }
        matched = all.size();
        for (Zone z : slice(all, offset, limit)) {
          features.add(ZoneJson.toFeature(z, api.json()));
        }
      }
      default -> {
        Geometry box = bbox.map(OgcRoutes::boxGeometry).orElse(null);
        List<Country> all = new ArrayList<>();
        for (Country c : countries()) {
          if (box == null || c.geometry().intersects(box)) {
            all.add(c);
          }
        }
        matched = all.size();
        for (Country c : slice(all, offset, limit)) {
          features.add(c.feature().deepCopy());
        }
      }
    }
    ObjectNode fc = api.json().createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode list = fc.putArray("features");
    features.forEach(list::add);
    fc.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    fc.put("numberMatched", matched);
    fc.put("numberReturned", features.size());
    ArrayNode links = fc.putArray("links");
    String path = base(ctx) + BASE + "/collections/" + id + "/items";
    Map<String, String> query = query(ctx);
    selfLinks(links, path, GEOJSON, html, "this page", query);
    if (offset + features.size() < matched) {
      Map<String, String> next = new TreeMap<>(query);
      next.put("offset", Long.toString(offset + features.size()));
      next.put("limit", Integer.toString(limit));
      link(
          links,
          withQuery(path, next, html ? "html" : "json"),
          "next",
          html ? HTML : GEOJSON,
          "next page");
    }
    if (offset > 0) {
      Map<String, String> prev = new TreeMap<>(query);
      prev.put("offset", Long.toString(Math.max(0, offset - limit)));
      prev.put("limit", Integer.toString(limit));
      link(
          links,
          withQuery(path, prev, html ? "html" : "json"),
          "prev",
          html ? HTML : GEOJSON,
          "previous page");
    }
    link(
        links,
        base(ctx) + BASE + "/collections/" + id + "?f=json",
        "collection",
        JSON,
        "the collection");
    respond(ctx, fc, html, GEOJSON, COLLECTIONS.get(id)[0]);
  }

  private void item(Context ctx) {
    String id = collectionId(ctx);
    boolean html = wantsHtml(ctx, Set.of("f"));
    String raw = ctx.pathParam("fid");
    long fid;
    try {
      fid = AsciiNumbers.parseLong(raw);
    } catch (NumberFormatException e) {
      fid = -1;
    }
    final long key = fid;
    ObjectNode feature =
        switch (id) {
          case "events" ->
              key <= 0
                  ? null
                  : api.events().get(key).map(e -> EventJson.toFeature(e, api.json())).orElse(null);
          case "zones" ->
              key <= 0
                  ? null
                  : api.zones().get(key).map(z -> ZoneJson.toFeature(z, api.json())).orElse(null);
          default ->
              key <= 0 || key > countries().size()
                  ? null
                  : countries().get((int) key - 1).feature().deepCopy();
        };
    if (feature == null) {
      throw new InputException(
          InputException.Kind.NOT_FOUND,
          "Not found",
          "collection " + id + " has no feature '" + raw + "'");
    }
    ArrayNode links = feature.putArray("links");
    String collection = base(ctx) + BASE + "/collections/" + id;
    selfLinks(links, collection + "/items/" + key, GEOJSON, html, "this feature");
    link(links, collection + "?f=json", "collection", JSON, "the collection");
    respond(ctx, feature, html, GEOJSON, COLLECTIONS.get(id)[0] + " " + key);
  }

  // ---- parameters ----

  private static String collectionId(Context ctx) {
    String id = ctx.pathParam("cid");
    if (!COLLECTIONS.containsKey(id)) {
      throw new InputException(
          InputException.Kind.NOT_FOUND,
          "Not found",
          "there is no collection '" + id + "'; the collections are " + COLLECTIONS.keySet());
    }
    return id;
  }

  /**
   * HTML when {@code f=html}, JSON when {@code f=json}; without {@code f}, HTML only when the
   * Accept header names text/html before any JSON type (what browsers send).
   */
  private static boolean wantsHtml(Context ctx, Set<String> known) {
    asBadRequest(() -> Params.allowOnly(ctx, known));
    Optional<String> f = asBadRequest(() -> Params.single(ctx, "f"));
    if (f.isPresent()) {
      return switch (f.get().toLowerCase(Locale.ROOT)) {
        case "html" -> true;
        case "json" -> false;
        default -> throw Params.malformed("Invalid f", "f is json or html, got '" + f.get() + "'");
      };
    }
    String accept = ctx.header("Accept");
    if (accept == null) {
      return false;
    }
    int h = accept.indexOf("text/html");
    if (h < 0) {
      return false;
    }
    int j = accept.indexOf("json");
    return j < 0 || h < j;
  }

  /**
   * {@code bbox}, as {@link ViewGrammar#bbox()} reads it for every endpoint: four numbers (or six
   * with heights) in CRS84; minLon greater than maxLon crosses the antimeridian, as the standard
   * says.
   */
  static Optional<Envelope> bbox(Context ctx) {
    return asBadRequest(() -> ViewGrammar.of(ctx).bbox());
  }

  /** {@code datetime}: a date or timestamp, or an interval {@code start/end} with open ends. */
  static ViewGrammar.Interval datetime(Context ctx) {
    return asBadRequest(() -> ViewGrammar.of(ctx).datetime());
  }

  /**
   * {@code limit} from 1; default 10; a larger value than 10,000 is served as 10,000 (the standard
   * says a too-large limit is not an error).
   */
  static int limit(Context ctx) {
    return asBadRequest(() -> ViewGrammar.of(ctx).clampedLimit(DEFAULT_LIMIT, MAX_LIMIT));
  }

  static long offset(Context ctx) {
    return asBadRequest(
        () ->
            ViewGrammar.of(ctx)
                .single("offset")
                .map(r -> ViewGrammar.whole("offset", r, 0, Long.MAX_VALUE))
                .orElse(0L));
  }

  /** The standard answers every invalid parameter with 400, where /api says 422 for some. */
  private static <T> T asBadRequest(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (InputException e) {
      if (e.kind() == InputException.Kind.UNPROCESSABLE) {
        throw Params.malformed(e.title(), e.detail());
      }
      throw e;
    }
  }

  private static void asBadRequest(Runnable r) {
    asBadRequest(
        () -> {
          r.run();
          return null;
        });
  }

  /** A bbox as a geometry: across the antimeridian, its two halves either side of it. */
  static Geometry boxGeometry(Envelope b) {
    GeometryFactory gf = new GeometryFactory();
    if (!EventQuery.crossesAntimeridian(b)) {
      return gf.toGeometry(b);
    }
    return gf.toGeometry(new Envelope(b.getMinX(), 180, b.getMinY(), b.getMaxY()))
        .union(gf.toGeometry(new Envelope(-180, b.getMaxX() - 360, b.getMinY(), b.getMaxY())));
  }

  /** Whether a zone is in force at some day of the interval (open ends: any). */
  static boolean during(Zone z, ViewGrammar.Interval interval) {
    LocalDate from = interval.from().orElse(null);
    LocalDate to = interval.to().orElse(null);
    return (to == null || z.validFrom() == null || !z.validFrom().isAfter(to))
        && (from == null || z.validTo() == null || !z.validTo().isBefore(from));
  }

  private static <T> List<T> slice(List<T> all, long offset, int limit) {
    if (offset >= all.size()) {
      return List.of();
    }
    return all.subList((int) offset, (int) Math.min(all.size(), offset + limit));
  }

  // ---- links and rendering ----

  private String base(Context ctx) {
    return PublicUrls.base(ctx, api.config());
  }

  private static Map<String, String> query(Context ctx) {
    Map<String, String> q = new TreeMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, v) -> {
              if (!k.equals("f") && !v.isEmpty()) {
                q.put(k, v.get(0));
              }
            });
    return q;
  }

  private static String withQuery(String path, Map<String, String> query, String f) {
    Map<String, String> all = new TreeMap<>(query);
    all.put("f", f);
    return path + "?" + PublicUrls.query(all);
  }

  private static void selfLinks(
      ArrayNode links, String path, String jsonType, boolean html, String title) {
    selfLinks(links, path, jsonType, html, title, Map.of());
  }

  /** {@code self} in the format served, {@code alternate} in the other. */
  private static void selfLinks(
      ArrayNode links,
      String path,
      String jsonType,
      boolean html,
      String title,
      Map<String, String> query) {
    String asJson = withQuery(path, query, "json");
    String asHtml = withQuery(path, query, "html");
    if (html) {
      link(links, asHtml, "self", HTML, title);
      link(links, asJson, "alternate", jsonType, title + " as JSON");
    } else {
      link(links, asJson, "self", jsonType, title);
      link(links, asHtml, "alternate", HTML, title + " as HTML");
    }
  }

  private static void link(ArrayNode links, String href, String rel, String type, String title) {
    links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
  }

  private void respond(Context ctx, ObjectNode body, boolean html, String jsonType, String title) {
    ctx.header("Vary", "Accept");
    if (html) {
      ctx.contentType("text/html; charset=utf-8").result(page(title, body));
    } else {
      ctx.contentType(jsonType + "; charset=utf-8").result(body.toString());
    }
  }

  /** The document as an HTML page: its links as anchors, everything else as nested lists. */
  static String page(String title, JsonNode body) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.esc(title))
        .append("</title><style>body{font-family:sans-serif;margin:1em 2em}dt{font-weight:bold}")
        .append("dd{margin-left:1.5em}</style></head><body><h1>")
        .append(Html.esc(title))
        .append("</h1>");
    render(b, body);
    b.append("</body></html>");
    return b.toString();
  }

  private static void render(StringBuilder b, JsonNode n) {
    if (n.isObject()) {
      if (n.has("href") && n.has("rel")) {
        b.append("<a href=\"")
            .append(Html.esc(n.path("href").asText()))
            .append("\" rel=\"")
            .append(Html.esc(n.path("rel").asText()))
            .append("\">")
            .append(Html.esc(n.path("title").asText(n.path("href").asText())))
            .append("</a> (")
            .append(Html.esc(n.path("rel").asText()))
            .append(", ")
            .append(Html.esc(n.path("type").asText()))
            .append(")");
        return;
      }
      b.append("<dl>");
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("geometry") && e.getValue().isObject()) {
          b.append("<dt>geometry</dt><dd>")
              .append(Html.esc(e.getValue().path("type").asText()))
              .append("</dd>");
          continue;
        }
        b.append("<dt>").append(Html.esc(e.getKey())).append("</dt><dd>");
        render(b, e.getValue());
        b.append("</dd>");
      }
      b.append("</dl>");
    } else if (n.isArray()) {
      b.append("<ol>");
      for (JsonNode c : n) {
        b.append("<li>");
        render(b, c);
        b.append("</li>");
      }
      b.append("</ol>");
    } else if (!n.isNull()) {
      b.append(Html.esc(n.asText()));
    }
  }

  // ---- countries ----

  private record Country(ObjectNode feature, Geometry geometry) {}

  private List<Country> countries() {
    List<Country> c = countries;
    if (c == null) {
      c = readCountries(api.countries().geojson(), api.json());
      countries = c;
    }
    return c;
  }

  /** The bundled borders, numbered 1.. in file order (ISO codes repeat or are missing). */
  private static List<Country> readCountries(byte[] geojson, ObjectMapper m) {
    try {
      JsonNode fc = m.readTree(geojson);
      GeoJsonReader reader = new GeoJsonReader();
      List<Country> out = new ArrayList<>();
      int id = 1;
      for (JsonNode f : fc.path("features")) {
        ObjectNode feature = ((ObjectNode) f).deepCopy();
        feature.put("id", id);
        ObjectNode props = (ObjectNode) feature.path("properties");
        props.put("id", id);
        out.add(new Country(feature, reader.read(f.path("geometry").toString())));
        id++;
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("the bundled borders do not parse", e);
    }
  }
}
