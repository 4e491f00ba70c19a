package org.conflictmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.conflictmap.extract.PlaceConfidence;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.ingest.EventEval;
import org.conflictmap.ingest.EventExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "eval-events",
    mixinStandardHelpOptions = true,
    description =
        "Score event extraction on an annotated set (NAME.txt beside NAME.events): precision and"
            + " recall of events, accuracy of type, sub-type, date, fatalities and precision, beside"
            + " the one-event-per-sentence baseline.")
final class EventEvalCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      defaultValue = "geodata/events-eval",
      description = "The annotated set (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--json", description = "Print the scores as one JSON object.")
  boolean json;

  @Option(
      names = "--quiet",
      description = "Leave out the list of differences between expected and extracted events.")
  boolean quiet;

  @Option(
      names = "--details",
      description =
          "List each missed, spurious and mismatched event with its likeliest reason, grouped by"
              + " kind, instead of the plain list of differences.")
  boolean details;

  @Option(
      names = "--calibration",
      description =
          "Print the reliability tables of the type and the place confidence: extracted events"
              + " binned by confidence, beside the share that were right (event and type; place).")
  boolean calibration;

  @Option(
      names = "--fit-place",
      description =
          "Fit the place confidence model on this set (use the tuning part) and print its"
              + " coefficients, to paste into extract.PlaceConfidence.")
  boolean fitPlace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "annotated set " + dir + " does not exist or is not a directory");
    }
    List<EventEval.Case> cases;
    try {
      cases = EventEval.load(dir);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (cases.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no annotated articles (NAME.txt with NAME.events) in " + dir);
    }
    Gazetteer gazetteer = Gazetteer.loadDefault();
    Geoparser geoparser = new Geoparser(gazetteer);
    EventExtractor extractor = new EventExtractor(geoparser);
    EventEval.Report report = EventEval.score(cases, extractor::extract, gazetteer);
    EventEval.Report baseline =
        EventEval.score(cases, EventEval.sentenceBaseline(geoparser), gazetteer);
    System.out.print(json ? json(report, baseline) : text(report, baseline));
    if (fitPlace) {
      System.out.print(fit(cases, extractor, gazetteer));
    }
    return 0;
  }

  private static String fit(
      List<EventEval.Case> cases, EventExtractor extractor, Gazetteer gazetteer) {
    List<double[]> xs = new java.util.ArrayList<>();
    List<Boolean> ys = new java.util.ArrayList<>();
    for (EventEval.Case c : cases) {
      for (EventExtractor.Extracted e :
          extractor.extractWithEvidence(c.article().body(), c.article().published(), 1)) {
        xs.add(e.placeEvidence());
        ys.add(EventEval.placeRight(c, e.event(), gazetteer));
      }
    }
    double[] w = PlaceConfidence.fit(xs, ys, FIT_L2);
    StringBuilder out = new StringBuilder();
    long right = ys.stream().filter(b -> b).count();
    out.append(
        String.format(
            Locale.ROOT,
            "place confidence model, fitted on %d extracted events (%d with the right place),"
                + " L2 %.1f:%n",
            xs.size(),
            right,
            FIT_L2));
    out.append(String.format(Locale.ROOT, "  %-18s %8.3f%n", "intercept", w[0]));
    for (int i = 0; i < PlaceConfidence.FEATURES.size(); i++) {
      out.append(
          String.format(Locale.ROOT, "  %-18s %8.3f%n", PlaceConfidence.FEATURES.get(i), w[i + 1]));
    }
    out.append("  events with a yes/no evidence present, and the share with the right place:\n");
    for (int i : new int[] {2, 3, 5, 6, 7, 8}) {
      int n = 0;
      int ok = 0;
      for (int k = 0; k < xs.size(); k++) {
        if (xs.get(k)[i] > 0.5) {
          n++;
          ok += ys.get(k) ? 1 : 0;
        }
      }
      out.append(
          String.format(
              Locale.ROOT,
              "    %-18s %4d  %s%n",
              PlaceConfidence.FEATURES.get(i),
              n,
              n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) ok / n)));
    }
    out.append("  as constants: {");
    for (int i = 0; i < w.length; i++) {
      out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", w[i]));
    }
    out.append("}\n");
    return out.toString();
  }

  /** The penalty on the place model's weights: the tuning part has about a hundred events. */
  private static final double FIT_L2 = 1.0;

  private String text(EventEval.Report r, EventEval.Report b) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d articles, %d expected events, %d extracted, %d matched%n",
            r.articles(),
            r.expected(),
            r.extracted(),
            r.matched()));
    out.append(String.format(Locale.ROOT, "%-16s %9s %9s%n", "", "extractor", "baseline"));
    row(out, "precision", r.precision(), b.precision());
    row(out, "recall", r.recall(), b.recall());
    row(out, "F1", r.f1(), b.f1());
    out.append("accuracy over matched events:\n");
    for (int i = 0; i < r.fields().size(); i++) {
      EventEval.Field f = r.fields().get(i);
      EventEval.Field bf = b.fields().get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "  %-14s %9.3f %9.3f   (%d/%d)%n",
              f.name(),
              f.accuracy(),
              bf.accuracy(),
              f.correct(),
              f.total()));
    }
    if (calibration) {
      out.append(
          "calibration of type confidence (extracted events; right = matched, same type):\n");
      out.append(
          String.format(
              Locale.ROOT, "  %-11s %6s %10s %9s%n", "confidence", "events", "mean conf", "right"));
      for (EventEval.Bin bin : r.calibration()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %.1f–%.1f %8d %10.3f %9.3f%n",
                bin.from(),
                bin.to(),
                bin.count(),
                bin.meanConfidence(),
                bin.accuracy()));
      }
      out.append(
          String.format(Locale.ROOT, "  expected calibration error %.3f%n", r.calibrationError()));
      out.append(
          "calibration of place confidence (extracted events; right = the annotation has an event"
              + " at that place):\n");
      out.append(
          String.format(
              Locale.ROOT, "  %-11s %6s %10s %9s%n", "confidence", "events", "mean conf", "right"));
      for (EventEval.Bin bin : r.placeCalibration()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %.1f–%.1f %8d %10.3f %9.3f%n",
                bin.from(),
                bin.to(),
                bin.count(),
                bin.meanConfidence(),
                bin.accuracy()));
      }
      out.append(
          String.format(
              Locale.ROOT, "  expected calibration error %.3f%n", r.placeCalibrationError()));
    }
    if (details) {
      for (EventEval.Kind kind : EventEval.Kind.values()) {
        List<EventEval.Detail> ds = r.details(kind);
        out.append(kind.name().toLowerCase(Locale.ROOT))
            .append(" (")
            .append(ds.size())
            .append("):\n");
        ds.forEach(d -> out.append("  ").append(d).append('\n'));
      }
    } else if (!quiet && !r.differences().isEmpty()) {
      out.append("differences:\n");
      r.differences().forEach(d -> out.append("  ").append(d).append('\n'));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, double mine, double base) {
    out.append(String.format(Locale.ROOT, "%-16s %9.3f %9.3f%n", name, mine, base));
  }

  private String json(EventEval.Report r, EventEval.Report b) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("articles", r.articles());
    o.set("extractor", scores(m, r, true));
    o.set("baseline", scores(m, b, false));
    return m.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
  }

  private ObjectNode scores(ObjectMapper m, EventEval.Report r, boolean withDifferences) {
    ObjectNode o = m.createObjectNode();
    o.put("expected", r.expected());
    o.put("extracted", r.extracted());
    o.put("matched", r.matched());
    o.put("precision", round(r.precision()));
    o.put("recall", round(r.recall()));
    o.put("f1", round(r.f1()));
    ObjectNode acc = o.putObject("accuracy");
    for (EventEval.Field f : r.fields()) {
      acc.put(f.name(), round(f.accuracy()));
    }
    if (withDifferences && !quiet) {
      r.differences().forEach(o.putArray("differences")::add);
    }
    if (withDifferences && calibration) {
      com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("calibration");
      for (EventEval.Bin bin : r.calibration()) {
        ObjectNode n = a.addObject();
        n.put("from", bin.from());
        n.put("to", bin.to());
        n.put("events", bin.count());
        n.put("mean_confidence", round(bin.meanConfidence()));
        n.put("accuracy", round(bin.accuracy()));
      }
      o.put("calibration_error", round(r.calibrationError()));
      com.fasterxml.jackson.databind.node.ArrayNode pa = o.putArray("place_calibration");
      for (EventEval.Bin bin : r.placeCalibration()) {
        ObjectNode n = pa.addObject();
        n.put("from", bin.from());
        n.put("to", bin.to());
        n.put("events", bin.count());
        n.put("mean_confidence", round(bin.meanConfidence()));
        n.put("accuracy", round(bin.accuracy()));
      }
      o.put("place_calibration_error", round(r.placeCalibrationError()));
    }
    if (withDifferences && details) {
      com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("details");
      for (EventEval.Detail d : r.details()) {
        ObjectNode n = a.addObject();
        n.put("article", d.article());
        n.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        n.put("event", d.event());
        n.put("reason", d.reason());
        if (d.sentence() != null) {
          n.put("sentence", d.sentence());
        }
      }
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
