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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.events.EventQuery;
import org.conflictmap.export.EventExport;
import org.conflictmap.export.GeoPackageExport;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export}: the stored events as CSV (ACLED columns), GeoJSON, KML or GeoPackage. */
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

  @Option(names = "--bbox", description = "minLon,minLat,maxLon,maxLat")
  String bbox;

  @Option(names = "--from", description = "first day, YYYY-MM-DD")
  String from;

  @Option(names = "--to", description = "last day, YYYY-MM-DD")
  String to;

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
    EventQuery q =
        new EventQuery(
            Optional.ofNullable(bbox).map(ExportCommand::envelope),
            Optional.ofNullable(from).map(s -> ArticleText.parseDate(s, "--from")),
            Optional.ofNullable(to).map(s -> ArticleText.parseDate(s, "--to")),
            EventExport.PAGE,
            Set.of(),
            Optional.empty(),
            Optional.empty());
    try (App.Services s = App.Services.open(data.config().withSample(false))) {
      if (gpkg) {
        Path tmp = GeoPackageExport.tempFile(output.toAbsolutePath().getParent());
        try {
          // the CLI is the owner's own tool: no row limit
          long n = GeoPackageExport.write(s.events(), q, tmp, Long.MAX_VALUE);
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

  private static Envelope envelope(String raw) {
    String[] p = raw.split(",", -1);
    if (p.length != 4) {
      throw new InputException(
          InputException.Kind.MALFORMED, "Invalid bbox", "--bbox is minLon,minLat,maxLon,maxLat");
    }
    try {
      double[] v = new double[4];
      for (int i = 0; i < 4; i++) {
        v[i] = Double.parseDouble(p[i].strip());
        if (!Double.isFinite(v[i])) {
          throw new NumberFormatException();
        }
      }
      return new Envelope(v[0], v[2], v[1], v[3]);
    } catch (NumberFormatException e) {
      throw new InputException(
          InputException.Kind.MALFORMED, "Invalid bbox", "--bbox takes four decimal numbers");
    }
  }
}
