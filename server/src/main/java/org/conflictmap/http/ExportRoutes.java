package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;
import org.conflictmap.export.GeoPackageExport;

/**
 * {@code GET /api/export?format=csv|geojson|kml|gpkg&<filters>}: every event the map's filters
 * match (bbox, datetime, type, q, zone, as on {@code /api/events}, without its limit), streamed as
 * it is read.
 */
final class ExportRoutes {
  private static final Set<String> PARAMS = ViewGrammar.with(ViewGrammar.FILTERS, "format");
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
            .orElseThrow(
                () -> Params.malformed("Missing format", "format is csv, geojson, kml or gpkg"));
    EventExport.Format format;
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "csv" -> format = EventExport.Format.CSV;
      case "geojson", "json" -> format = EventExport.Format.GEOJSON;
      case "kml" -> format = EventExport.Format.KML;
      case "gpkg", "geopackage" -> format = null;
      default ->
          throw Params.malformed(
              "Invalid format", "format is csv, geojson, kml or gpkg, got '" + raw + "'");
    }
    // the same filters as /api/events, read by the same code
    EventQuery q = EventRoutes.query(api, ctx, EventExport.PAGE);
    if (format == null) {
      geoPackage(ctx, q);
      return;
    }
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

  /**
   * The zones an export's GeoPackage carries: the one its {@code zone} filter names, else those
   * that meet its bbox and are in force during its datetime (as OGC items choose them).
   */
  private java.util.List<org.conflictmap.zones.Zone> zones(EventQuery q) {
    var box = q.bbox().map(OgcRoutes::boxGeometry);
    java.util.List<org.conflictmap.zones.Zone> out = new java.util.ArrayList<>();
    for (var z : api.zones().list()) {
      boolean chosen =
          q.zone().isPresent()
              ? q.zone().get() == z.id()
              : box.map(b -> z.geometry().intersects(b)).orElse(true)
                  && OgcRoutes.during(z, new ViewGrammar.Interval(q.from(), q.to()));
      if (chosen) {
        out.add(z);
      }
    }
    return out;
  }

  /**
   * A GeoPackage is a SQLite file, not a stream: it is built in a temporary file (refused with 413
   * past {@code export.max.rows}), sent, and deleted whatever happens.
   */
  private void geoPackage(Context ctx, EventQuery q) throws Exception {
    Path file = GeoPackageExport.tempFile();
    try {
      GeoPackageExport.write(api.events(), q, zones(q), file, api.config().exportMaxRows());
      ctx.contentType(GeoPackageExport.CONTENT_TYPE)
          .header("Content-Length", Long.toString(Files.size(file)))
          .header("Content-Disposition", "attachment; filename=\"conflictmap-events.gpkg\"");
      try (OutputStream out = ctx.outputStream()) {
        Files.copy(file, out);
      }
    } finally {
      GeoPackageExport.deleteTemp(file);
    }
  }
}
