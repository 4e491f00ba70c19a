package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;

/**
 * {@code GET /api/export?format=csv|geojson|kml&<filters>}: every event the map's filters match
 * (bbox, datetime, type, q, zone, as on {@code /api/events}, without its limit), streamed as it is
 * read.
 */
final class ExportRoutes {
  private static final Set<String> PARAMS =
      Set.of("format", "bbox", "datetime", "type", "q", "zone");
  private final Api api;

  ExportRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/export", this::export);
  }

  private void export(Context ctx) throws Exception {
    Params.allowOnly(ctx, PARAMS);
    String raw =
        Params.single(ctx, "format")
            .orElseThrow(() -> Params.malformed("Missing format", "format is csv, geojson or kml"));
    EventExport.Format format;
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "csv" -> format = EventExport.Format.CSV;
      case "geojson", "json" -> format = EventExport.Format.GEOJSON;
      case "kml" -> format = EventExport.Format.KML;
      case "gpkg" ->
          throw Params.malformed(
              "Format not available",
              "GeoPackage export is not built yet; use csv, geojson or kml");
      default ->
          throw Params.malformed(
              "Invalid format", "format is csv, geojson or kml, got '" + raw + "'");
    }
    LocalDate[] interval = Params.dateInterval(ctx);
    EventQuery q =
        new EventQuery(
            Params.bbox(ctx),
            Optional.ofNullable(interval[0]),
            Optional.ofNullable(interval[1]),
            EventExport.PAGE,
            Params.single(ctx, "type").map(MapParams::types).orElse(Set.of()),
            Params.single(ctx, "q").map(MapParams::text),
            Optional.empty());
    q = zone(ctx, q);
    ctx.contentType(format.contentType)
        .header(
            "Content-Disposition",
            "attachment; filename=\"conflictmap-events." + format.extension + "\"");
    // every parameter is checked above: from here on the body is streamed as pages are read
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      EventExport.write(api.events(), q, format, out, api.json());
    }
  }

  private EventQuery zone(Context ctx, EventQuery q) {
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
}
