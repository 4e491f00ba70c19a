package org.conflictmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.conflictmap.eval.Corpus;
import org.conflictmap.eval.CorpusFormat;
import org.conflictmap.eval.CorpusReader;
import org.conflictmap.eval.EvalReport;
import org.conflictmap.eval.Evaluation;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.problem.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure the geoparser on a hand-annotated corpus: recognition, resolution on the gold"
            + " spans and end to end, beside the population baseline and the gazetteer's oracle.")
final class EvalCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  /** Warnings printed one by one before the rest are only counted. */
  static final int SHOWN_WARNINGS = 20;

  @Parameters(paramLabel = "FILE", description = "Corpus XML (LGL, GeoWebNews or wikinews).")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "lgl|gwn|wikinews",
      description = "Corpus format (default: recognised from the records).")
  String format;

  @Option(names = "--one-based", description = "Offsets count from 1, not 0.")
  boolean oneBased;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(
      names = "--details",
      paramLabel = "FILE",
      description = "Write every recognition and resolution error to FILE (tab-separated).")
  Path details;

  @Override
  public Integer call() throws IOException {
    Corpus corpus = CorpusReader.read(file, parseFormat(format), oneBased);
    printWarnings(corpus.warnings());
    Geoparser parser = new Geoparser(data.gazetteer());
    EvalReport report;
    if (details != null) {
      try (BufferedWriter w = Files.newBufferedWriter(details, StandardCharsets.UTF_8)) {
        report = Evaluation.run(parser, corpus, line -> write(w, line));
      }
    } else {
      report = Evaluation.run(parser, corpus);
    }
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      System.out.println(mapper.writeValueAsString(report.toJson(mapper)));
    } else {
      System.out.print(report.toText());
    }
    return 0;
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CorpusFormat parseFormat(String s) {
    if (s == null) {
      return null;
    }
    for (CorpusFormat f : CorpusFormat.values()) {
      if (f.label().equalsIgnoreCase(s)) {
        return f;
      }
    }
    throw new InputException(
        InputException.Kind.MALFORMED, "unknown corpus format", s + ": use lgl, gwn or wikinews");
  }

  private static void printWarnings(List<String> warnings) {
    for (int i = 0; i < Math.min(SHOWN_WARNINGS, warnings.size()); i++) {
      System.err.println("warning: " + warnings.get(i));
    }
    if (warnings.size() > SHOWN_WARNINGS) {
      System.err.println(
          "warning: … and " + (warnings.size() - SHOWN_WARNINGS) + " more bad records");
    }
  }
}
