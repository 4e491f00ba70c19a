package org.conflictmap.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The figures of one evaluation run; see ../shared/eval/README.md for their definitions.
 *
 * @param exact recognition with predicted and gold spans matched exactly
 * @param overlap recognition with any overlap counting as a match
 * @param resolution the geocoder alone on the gold spans that have coordinates
 * @param exactId share of gold spans with a GeoNames id whose chosen place has that id
 * @param baseline the largest-population candidate on the same gold spans
 * @param endToEnd spotter and resolver together; a gold toponym no prediction overlaps is charged
 *     the maximum error
 * @param baselineEndToEnd our spotter with the largest-population candidate
 * @param nameMatch share of located gold toponyms with at least one candidate
 * @param oracle161 share of located gold toponyms with a candidate within 161 km (the best any
 *     ranking could reach with this gazetteer)
 */
public record EvalReport(
    String corpus,
    String format,
    int articles,
    int goldToponyms,
    int located,
    int withId,
    int realigned,
    int dropped,
    Counts exact,
    Counts overlap,
    ErrorStats resolution,
    double exactId,
    ErrorStats baseline,
    double baselineExactId,
    ErrorStats endToEnd,
    ErrorStats baselineEndToEnd,
    double nameMatch,
    double oracle161) {

  /** The figures as one JSON object, fractions in 0–1, in the shape the issue fixes. */
  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("corpus", corpus);
    o.put("format", format);
    ObjectNode rec = o.putObject("recognition");
    put(rec, "precision", exact.precision());
    put(rec, "recall", exact.recall());
    put(rec, "f1", exact.f1());
    put(rec, "precision_overlap", overlap.precision());
    put(rec, "recall_overlap", overlap.recall());
    put(rec, "f1_overlap", overlap.f1());
    ObjectNode res = o.putObject("resolution");
    put(res, "acc161", resolution.acc161());
    put(res, "median_km", resolution.medianKm());
    put(res, "mean_km", resolution.meanKm());
    put(res, "auc", resolution.auc());
    put(res, "exact_id", exactId);
    ObjectNode e2e = o.putObject("end_to_end");
    put(e2e, "acc161", endToEnd.acc161());
    put(e2e, "median_km", endToEnd.medianKm());
    put(e2e, "auc", endToEnd.auc());
    ObjectNode base = o.putObject("baseline");
    put(base, "acc161", baseline.acc161());
    put(base, "median_km", baseline.medianKm());
    put(base, "mean_km", baseline.meanKm());
    put(base, "auc", baseline.auc());
    put(base, "exact_id", baselineExactId);
    put(base, "end_to_end_acc161", baselineEndToEnd.acc161());
    ObjectNode gaz = o.putObject("gazetteer");
    put(gaz, "name_match", nameMatch);
    put(gaz, "oracle161", oracle161);
    ObjectNode counts = o.putObject("counts");
    counts.put("articles", articles);
    counts.put("gold_toponyms", goldToponyms);
    counts.put("located", located);
    counts.put("with_geonames_id", withId);
    counts.put("predicted", exact.predicted());
    counts.put("realigned", realigned);
    counts.put("dropped", dropped);
    return o;
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(v * 10000) / 10000.0);
    }
  }

  /** A table for people: our figure and the population baseline side by side. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "corpus %s (%s): %d articles, %d gold toponyms, %d with coordinates, %d with a GeoNames"
                + " id%n",
            corpus,
            format,
            articles,
            goldToponyms,
            located,
            withId));
    if (realigned > 0 || dropped > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "records realigned to their name: %d, dropped: %d (see the warnings)%n",
              realigned,
              dropped));
    }
    b.append(String.format(Locale.ROOT, "%-44s %10s %12s%n", "", "geoparser", "population"));
    row(b, "recognition precision (exact span)", pct(exact.precision()), "–");
    row(b, "recognition recall (exact span)", pct(exact.recall()), "–");
    row(b, "recognition F1 (exact span)", dec(exact.f1()), "–");
    row(b, "recognition F1 (overlap)", dec(overlap.f1()), "–");
    row(
        b,
        "resolution on gold spans: acc@161 km",
        pct(resolution.acc161()),
        pct(baseline.acc161()));
    row(b, "  median error km", km(resolution.medianKm()), km(baseline.medianKm()));
    row(b, "  mean error km", km(resolution.meanKm()), km(baseline.meanKm()));
    row(b, "  AUC (lower is better)", dec(resolution.auc()), dec(baseline.auc()));
    row(b, "  exact GeoNames id", pct(exactId), pct(baselineExactId));
    row(b, "end to end: acc@161 km", pct(endToEnd.acc161()), pct(baselineEndToEnd.acc161()));
    row(b, "gazetteer: name has a candidate", pct(nameMatch), "");
    row(b, "gazetteer: oracle acc@161 km", pct(oracle161), "");
    b.append(
        String.format(
            Locale.ROOT,
            "(%d predicted mentions; a place not found costs %.0f km; end to end counts the"
                + " prediction overlapping each gold toponym)%n",
            exact.predicted(),
            ErrorStats.MAX_KM));
    return b.toString();
  }

  private static void row(StringBuilder b, String label, String ours, String base) {
    b.append(String.format(Locale.ROOT, "%-44s %10s %12s%n", label, ours, base));
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  private static String dec(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String km(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
  }
}
