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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    // the same filters as /api/events and the export command, read by the same code
    Map<String, List<String>> filters = new HashMap<>(ctx.queryParamMap());
    filters.remove("format");
    ExportSelection chosen = ExportSelection.read(filters, api.zones());
    EventQuery q = chosen.events();
    if (format == null) {
      geoPackage(ctx, chosen);
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
   * A GeoPackage is a SQLite file, not a stream: it is built in a temporary file (refused with 413
   * past {@code export.max.rows}), sent, and deleted whatever happens.
   */
  private void geoPackage(Context ctx, ExportSelection chosen) throws Exception {
    Path file = GeoPackageExport.tempFile();
    try {
      GeoPackageExport.write(
          api.events(), chosen.events(), chosen.zones(), file, api.config().exportMaxRows());
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
