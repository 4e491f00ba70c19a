package org.conflictmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.conflictmap.config.Config;
import org.conflictmap.imports.EventImport;
import org.conflictmap.imports.ImportFormat;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.AuditStore;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventImportStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import FILE [--format acled-csv|geojson|kml]}: a file of events, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import the events of an ACLED CSV file, or of a CSV, GeoJSON or KML export of"
            + " conflictmap, all or none: a refused row refuses the file and every fault is"
            + " listed (row, column, reason). Rows already stored (same event_id_cnty) are"
            + " skipped, so importing a file again adds nothing.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "acled-csv, geojson or kml (default: from the file name's extension).")
  String format;

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          InputException.Kind.NOT_FOUND, "No such file", file + " does not exist");
    }
    ImportFormat f =
        (format == null
                ? ImportFormat.ofFileName(file.getFileName().toString())
                : ImportFormat.named(format))
            .orElseThrow(
                () ->
                    new InputException(
                        InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "Unknown format",
                        format == null
                            ? file + ": name it .csv, .geojson or .kml, or give --format"
                            : "--format is acled-csv, geojson or kml, not '" + format + "'"));
    long size = Files.size(file);
    Config config = data.config().withSample(false);
    ObjectMapper json = new ObjectMapper();
    long started = System.nanoTime();
    AtomicLong read = new AtomicLong();
    EventImport.Summary s;
    try (Database db = open(config);
        InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(file)), read);
        ProgressBar bar = System.console() == null ? null : bar(size)) {
      try {
        s =
            EventImport.run(
                in,
                f,
                new EventImportStore(db),
                json,
                rows -> {
                  if (bar != null) {
                    bar.stepTo(read.get());
                    bar.setExtraMessage(rows + " rows");
                  }
                });
      } catch (InputException e) {
        printRefused(e);
        throw e;
      }
      var summary = json.createObjectNode();
      summary.put("file", file.toString());
      summary.put("format", f.name);
      summary.put("rows", s.rows());
      summary.put("imported", s.added());
      summary.put("already_stored", s.known());
      new AuditStore(db)
          .record("cli", "IMPORT", file.toString(), 201, "import", null, null, summary.toString());
      if (bar != null) {
        bar.stepTo(size);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%d event(s) imported from %s, %d already stored, %d row(s) read in %.1f s%n",
        s.added(), file, s.known(), s.rows(), seconds);
    return 0;
  }

  private static void printRefused(InputException e) {
    Object errors = e.extensions().get("errors");
    if (errors instanceof List<?> rows) {
      for (Object r : rows) {
        if (r instanceof Map<?, ?> m) {
          System.out.println(
              "  "
                  + (Integer.valueOf(0).equals(m.get("row")) ? "file" : "row " + m.get("row"))
                  + (m.get("column") == null ? "" : ", " + m.get("column"))
                  + ": "
                  + m.get("reason"));
        }
      }
      Object listed = e.extensions().get("errors_listed");
      if (listed != null) {
        System.out.println(
            "  ... " + e.extensions().get("refused") + " faults in all, " + listed + " listed");
      }
    }
  }

  private static ProgressBar bar(long size) {
    return new ProgressBarBuilder()
        .setTaskName("Importing")
        .setInitialMax(size)
        .setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
        .build();
  }

  private static Database open(Config config) {
    return config
        .jdbcUrl()
        .map(
            url ->
                Database.connect(
                    url, config.jdbcUser().orElse(null), config.jdbcPassword().orElse(null)))
        .orElseGet(
            () ->
                Database.embedded(
                    config.dataDir(), Database.bulkPageCacheKb(Runtime.getRuntime().maxMemory())));
  }

  /** Counts the bytes read, for the progress bar. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong read;

    Counting(InputStream in, AtomicLong read) {
      super(in);
      this.read = read;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }
}
