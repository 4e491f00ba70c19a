package org.conflictmap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;
import org.conflictmap.export.GeoPackageExport;
import org.conflictmap.http.ExportSelection;
import org.conflictmap.problem.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export}: the stored events as CSV (ACLED columns), GeoJSON, KML or GeoPackage (with a
 * {@code zones} layer), filtered by the same grammar as {@code /api/export}.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write the stored events (optionally filtered) to standard output or --output.")
final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv (default), geojson, kml or gpkg (GeoPackage; needs FILE).")
  String format;

  @Option(
      names = "--bbox",
      paramLabel = "A,B,C,D",
      description = "minLon,minLat,maxLon,maxLat; minLon > maxLon crosses the antimeridian")
  String bbox;

  @Option(
      names = "--datetime",
      paramLabel = "D|D/D",
      description = "a day or an interval, open ends as .. (as /api/events takes it)")
  String datetime;

  @Option(names = "--from", paramLabel = "D", description = "first day, YYYY-MM-DD")
  String from;

  @Option(names = "--to", paramLabel = "D", description = "last day, YYYY-MM-DD")
  String to;

  @Option(
      names = "--type",
      paramLabel = "TYPES",
      description = "ACLED event types, comma-separated")
  String type;

  @Option(names = "--zone", paramLabel = "ID", description = "only the events inside this zone")
  String zone;

  @Option(names = "--q", paramLabel = "TEXT", description = "words in the event's text")
  String text;

  @Option(
      names = "--country",
      paramLabel = "CC",
      description = "ISO alpha-2 codes, comma-separated")
  String country;

  @Option(names = "--actor", paramLabel = "NAME", description = "part of an actor's name")
  String actor;

  @Option(names = "--precision", paramLabel = "1,2,3", description = "geo-precisions")
  String precision;

  @Option(names = "--min-fatalities", paramLabel = "N", description = "the least stated toll")
  String minFatalities;

  @Option(
      names = "--min-confidence",
      paramLabel = "C",
      description = "the least type and place confidence, 0-1")
  String minConfidence;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (written whole or not at all).")
  Path output;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "Write to FILE (the same as --output).")
  Path positional;

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws IOException {
    if (positional != null && output != null && !positional.equals(output)) {
      throw new InputException(
          InputException.Kind.MALFORMED, "Two outputs", "give FILE or --output, not both");
    }
    Path output = this.output != null ? this.output : positional;
    String lower = format.toLowerCase(Locale.ROOT);
    boolean gpkg = lower.equals("gpkg") || lower.equals("geopackage");
    EventExport.Format f =
        switch (lower) {
          case "csv" -> EventExport.Format.CSV;
          case "geojson" -> EventExport.Format.GEOJSON;
          case "kml" -> EventExport.Format.KML;
          case "gpkg", "geopackage" -> null;
          default ->
              throw new InputException(
                  InputException.Kind.MALFORMED,
                  "Invalid format",
                  "--format is csv, geojson, kml or gpkg");
        };
    if (gpkg && output == null) {
      throw new InputException(
          InputException.Kind.MALFORMED,
          "Missing FILE",
          "a GeoPackage is a database file, not a stream: give FILE");
    }
    try (App.Services s = App.Services.open(data.config().withSample(false))) {
      ExportSelection chosen = ExportSelection.read(filters(), s.zones());
      EventQuery q = chosen.events();
      if (gpkg) {
        Path tmp = GeoPackageExport.tempFile(output.toAbsolutePath().getParent());
        try {
          // the CLI is the owner's own tool: no row limit
          long n = GeoPackageExport.write(s.events(), q, chosen.zones(), tmp, Long.MAX_VALUE);
          Files.move(
              tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          System.err.printf("%d event(s) written to %s%n", n, output);
        } finally {
          GeoPackageExport.deleteTemp(tmp);
        }
        return 0;
      }
      if (output == null) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        EventExport.write(s.events(), q, f, out, s.json());
        out.flush();
        return 0;
      }
      Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".export", ".tmp");
      try {
        long n;
        try (OutputStream os = Files.newOutputStream(tmp);
            Writer out =
                new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
          n = EventExport.write(s.events(), q, f, out, s.json());
        }
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("%d event(s) written to %s%n", n, output);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return 0;
  }

  /**
   * The options as the view grammar's parameters, so a filter is read, checked and worded exactly
   * as {@code /api/export} reads it; {@code --from}/{@code --to} are a {@code --datetime} interval.
   */
  private Map<String, List<String>> filters() {
    if (datetime != null && (from != null || to != null)) {
      throw new InputException(
          InputException.Kind.MALFORMED,
          "Two date filters",
          "give --datetime or --from/--to, not both");
    }
    String when =
        datetime != null
            ? datetime
            : from == null && to == null
                ? null
                : Objects.requireNonNullElse(from, "..")
                    + "/"
                    + Objects.requireNonNullElse(to, "..");
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "bbox", bbox);
    put(out, "datetime", when);
    put(out, "type", type);
    put(out, "zone", zone);
    put(out, "q", text);
    put(out, "country", country);
    put(out, "actor", actor);
    put(out, "precision", precision);
    put(out, "min_fatalities", minFatalities);
    put(out, "min_confidence", minConfidence);
    return out;
  }

  private static void put(Map<String, List<String>> out, String name, String value) {
    if (value != null) {
      out.put(name, List.of(value));
    }
  }
}
