package org.conflictmap.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.KmlWriter;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneImport;
import org.conflictmap.zones.ZoneJson;

/**
 * {@code POST /api/zones/import} (a GeoJSON or KML file, all or nothing, up to 10 MB) and {@code
 * GET /api/zones/export?format=geojson|kml}.
 */
final class ZoneFiles {
  static final String KML = "application/vnd.google-earth.kml+xml";
  private final Api api;

  ZoneFiles(Api api) {
    this.api = api;
  }

  void register(io.javalin.config.RoutesConfig routes) {
    // before /api/zones/{id}, which would otherwise read "import" and "export" as ids
    routes.post("/api/zones/import", this::importFile);
    routes.get("/api/zones/export", this::export);
  }

  private void importFile(Context ctx) throws IOException {
    Params.allowOnly(ctx, Set.of("valid_from"));
    String editor = Editors.require(ctx, api.config());
    Optional<LocalDate> validFrom =
        Params.single(ctx, "valid_from").map(s -> ArticleText.parseDate(s, "valid_from"));
    ZoneImport.Format format =
        ZoneImport.Format.guess(ctx.contentType())
            .orElseThrow(
                () ->
                    new InputException(
                        InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content type",
                        "import GeoJSON as application/geo+json or KML as "
                            + KML
                            + "; got '"
                            + (ctx.contentType() == null ? "none" : ctx.contentType())
                            + "'"));
    byte[] file = readLimited(ctx.bodyInputStream());
    List<ZoneImport.Item> items = ZoneImport.plan(file, format, validFrom, api.json());
    List<Zone> stored =
        api.zones().importAll(items.stream().map(it -> it.draft().orElseThrow()).toList(), editor);
    var body = api.json().createObjectNode();
    body.put("imported", stored.size());
    body.set(
        "features",
        api.json().valueToTree(ZoneImport.report(items, stored.stream().map(Zone::id).toList())));
    ctx.status(201).contentType("application/json").result(body.toString());
  }

  /** Reads at most 10 MB; one byte more is a 413, and nothing is parsed or stored. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(ZoneImport.MAX_BYTES + 1);
    if (bytes.length > ZoneImport.MAX_BYTES) {
      throw new InputException(
          InputException.Kind.TOO_LARGE,
          "File too large",
          "at most " + ZoneImport.MAX_BYTES + " bytes (10 MB) are imported at once",
          Map.of("max_bytes", ZoneImport.MAX_BYTES));
    }
    return bytes;
  }

  private void export(Context ctx) {
    Params.allowOnly(ctx, Set.of("format", "at"));
    String format = Params.single(ctx, "format").orElse("geojson");
    List<Zone> zones = ZoneRoutes.zonesAt(ctx, api);
    switch (format) {
      case "geojson" ->
          ctx.contentType("application/geo+json; charset=utf-8")
              .header("Content-Disposition", "attachment; filename=\"zones.geojson\"")
              .result(ZoneJson.toFeatureCollection(zones, api.json()).toString());
      case "kml" ->
          ctx.contentType(KML)
              .header("Content-Disposition", "attachment; filename=\"zones.kml\"")
              .result(KmlWriter.write(zones));
      default ->
          throw Params.malformed(
              "Invalid format", "format is geojson or kml, got '" + format + "'");
    }
  }
}
