package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.conflictmap.imports.EventImport;
import org.conflictmap.imports.ImportFormat;
import org.conflictmap.problem.InputException;

/**
 * {@code POST /api/import?format=acled-csv|geojson|kml}: a file of events (ACLED's CSV, or our own
 * CSV, GeoJSON or KML export) stored all or nothing, up to {@link #MAX_BYTES}; the format comes
 * from {@code format}, else the Content-Type. 201 with the counts, or 422 listing each refused row.
 */
final class ImportRoutes {
  /** The largest file the API takes: as large as a zone import (the CLI takes any size). */
  static final int MAX_BYTES = org.conflictmap.zones.ZoneImport.MAX_BYTES;

  private final Api api;

  ImportRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/import", this::importFile);
  }

  private void importFile(Context ctx) {
    Params.allowOnly(ctx, Set.of("format"));
    Editors.require(ctx, api.config());
    ImportFormat format =
        Params.single(ctx, "format")
            .map(
                f ->
                    ImportFormat.named(f)
                        .orElseThrow(
                            () ->
                                Params.malformed(
                                    "Invalid format",
                                    "format is acled-csv, geojson or kml, got '" + f + "'")))
            .or(() -> ImportFormat.ofContentType(ctx.contentType()))
            .orElseThrow(
                () ->
                    new InputException(
                        InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content type",
                        "send ACLED CSV as text/csv, GeoJSON as application/geo+json or KML as "
                            + ZoneFiles.KML
                            + " (or say ?format=acled-csv|geojson|kml); got '"
                            + (ctx.contentType() == null ? "none" : ctx.contentType())
                            + "'"));
    EventImport.Summary s =
        EventImport.run(
            new Capped(ctx.bodyInputStream()), format, api.imports(), api.json(), n -> {});
    var body = api.json().createObjectNode();
    body.put("format", format.name);
    body.put("rows", s.rows());
    body.put("imported", s.added());
    body.put("already_stored", s.known());
    AuthRoutes.entity(ctx, "import", null, null, body.toString());
    ctx.status(201).contentType("application/json").result(body.toString());
  }

  /** The body, refused with a 413 the moment it passes {@link #MAX_BYTES} (nothing is stored). */
  private static final class Capped extends FilterInputStream {
    private long read;

    Capped(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw new InputException(
            InputException.Kind.TOO_LARGE,
            "File too large",
            "at most "
                + MAX_BYTES
                + " bytes (10 MB) are imported through the API; import larger files with the"
                + " command line (conflictmap import FILE)",
            Map.of("max_bytes", MAX_BYTES));
      }
    }
  }
}
