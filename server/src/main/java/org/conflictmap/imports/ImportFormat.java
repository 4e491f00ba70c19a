package org.conflictmap.imports;

import java.util.Locale;
import java.util.Optional;

/** The file formats {@code import} reads. */
public enum ImportFormat {
  /** ACLED's CSV, or our own CSV export (ACLED's columns, then {@code cm_*} columns). */
  ACLED_CSV("acled-csv"),
  GEOJSON("geojson"),
  KML("kml");

  public final String name;

  ImportFormat(String name) {
    this.name = name;
  }

  /** A format by its name ({@code acled-csv}, also {@code csv}; {@code geojson}; {@code kml}). */
  public static Optional<ImportFormat> named(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "acled-csv", "csv" -> Optional.of(ACLED_CSV);
      case "geojson", "json" -> Optional.of(GEOJSON);
      case "kml" -> Optional.of(KML);
      default -> Optional.empty();
    };
  }

  /** The format a Content-Type names, if any. */
  public static Optional<ImportFormat> ofContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String t = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "text/csv" -> Optional.of(ACLED_CSV);
      case "application/geo+json", "application/json" -> Optional.of(GEOJSON);
      case "application/vnd.google-earth.kml+xml", "application/xml", "text/xml" ->
          Optional.of(KML);
      default -> Optional.empty();
    };
  }

  /** The format a file name's extension names, if any. */
  public static Optional<ImportFormat> ofFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(ACLED_CSV);
    }
    if (n.endsWith(".geojson") || n.endsWith(".json")) {
      return Optional.of(GEOJSON);
    }
    if (n.endsWith(".kml")) {
      return Optional.of(KML);
    }
    return Optional.empty();
  }
}
