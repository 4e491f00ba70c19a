package org.conflictmap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.conflictmap.App;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.KmlWriter;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneImport;
import org.conflictmap.zones.ZoneJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zones import FILE} and {@code zones export [--format geojson|kml]}. */
@Command(
    name = "zones",
    mixinStandardHelpOptions = true,
    description = "Import zones from GeoJSON or KML, or export the stored zones.",
    subcommands = {ZonesCommand.Import.class, ZonesCommand.Export.class})
final class ZonesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import every zone of a GeoJSON (.geojson, .json) or KML (.kml) file, or none if any is"
              + " refused; prints what happened to each feature.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--valid-from",
        paramLabel = "YYYY-MM-DD",
        description = "valid_from for features that give none.")
    String validFrom;

    @Option(
        names = "--editor",
        defaultValue = "cli",
        description = "Name recorded in the zones' history (default: cli).")
    String editor;

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new InputException(
            InputException.Kind.NOT_FOUND, "No such file", file + " does not exist");
      }
      if (Files.size(file) > ZoneImport.MAX_BYTES) {
        throw new InputException(
            InputException.Kind.TOO_LARGE,
            "File too large",
            file + " has " + Files.size(file) + " bytes; at most 10 MB are imported at once");
      }
      ZoneImport.Format format =
          ZoneImport.Format.guess(file.getFileName().toString())
              .orElseThrow(
                  () ->
                      new InputException(
                          InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
                          "Unknown file type",
                          file + ": name it .geojson, .json or .kml"));
      Optional<LocalDate> from =
          Optional.ofNullable(validFrom).map(s -> ArticleText.parseDate(s, "--valid-from"));
      try (App.Services s = App.Services.open(data.config().withSample(false))) {
        List<ZoneImport.Item> items;
        try {
          items = ZoneImport.plan(Files.readAllBytes(file), format, from, s.json());
        } catch (InputException e) {
          Object report = e.extensions().get("features");
          if (report instanceof List<?> lines) {
            lines.forEach(l -> System.out.println("  " + l));
          }
          throw e;
        }
        List<Zone> stored =
            s.zones().importAll(items.stream().map(i -> i.draft().orElseThrow()).toList(), editor);
        ZoneImport.report(items, stored.stream().map(Zone::id).toList())
            .forEach(l -> System.out.println("  " + l));
        System.out.printf("%d zone(s) imported from %s%n", stored.size(), file);
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write every stored zone to standard output, or to --output.")
  static final class Export implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "geojson", description = "geojson (default) or kml.")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE.")
    Path output;

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() throws IOException {
      if (!format.equals("geojson") && !format.equals("kml")) {
        throw new InputException(
            InputException.Kind.MALFORMED, "Invalid format", "--format is geojson or kml");
      }
      try (App.Services s = App.Services.open(data.config().withSample(false))) {
        List<Zone> zones = s.zones().list();
        String text =
            format.equals("kml")
                ? KmlWriter.write(zones)
                : ZoneJson.toFeatureCollection(zones, s.json()).toPrettyString();
        if (output == null) {
          System.out.println(text);
        } else {
          Files.writeString(output, text, StandardCharsets.UTF_8);
          System.err.printf("%d zone(s) written to %s%n", zones.size(), output);
        }
      }
      return 0;
    }
  }
}
