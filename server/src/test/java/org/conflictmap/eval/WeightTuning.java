package org.conflictmap.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import org.conflictmap.geoparse.Weights;

/**
 * Tunes the resolver's {@link Weights} on the development corpora with k-fold cross-validation and
 * prints the held-out figures, so that the weights in {@link Weights#DEFAULT} come with an honest
 * estimate of how they do on articles they were not tuned on.
 *
 * <p>The search is coordinate ascent: each weight in turn is moved by a few steps and kept where
 * the training folds' accuracy is best. The objective is the mean of LGL's and GeoWebNews'
 * resolution accuracy within 161 km on the gold spans, so neither corpus' style dominates.
 *
 * <p>Run from server/ after {@code mvn -o test-compile}: {@code java -cp
 * target/classes:target/test-classes:$(cat cp.txt) org.conflictmap.eval.WeightTuning [folds]}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class WeightTuning {
  static final Path EVAL = Path.of("..", "..", "shared", "eval");
  static final double[] STEPS = {-2.0, -1.0, -0.5, 0.5, 1.0, 2.0};
  static final int PASSES = 2;

  /** The located gold spans of one article. */
  record Item(int corpus, String text, List<int[]> spans, double[][] gold) {}

  private final Gazetteer gazetteer;

  WeightTuning(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public static void main(String[] args) {
    int folds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Gazetteer gazetteer = Gazetteer.loadDefault();
    List<List<Item>> byFold = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      byFold.add(new ArrayList<>());
    }
    String[] files = {"lgl.xml", "gwn.xml"};
    for (int c = 0; c < files.length; c++) {
      Corpus corpus = CorpusReader.read(EVAL.resolve(files[c]), null, false);
      int i = 0;
      for (GoldArticle a : corpus.articles()) {
        List<GoldToponym> located = a.toponyms().stream().filter(GoldToponym::located).toList();
        if (located.isEmpty()) {
          continue;
        }
        List<int[]> spans = located.stream().map(t -> new int[] {t.start(), t.end()}).toList();
        double[][] gold =
            located.stream().map(t -> new double[] {t.lat(), t.lon()}).toArray(double[][]::new);
        // articles are dealt to folds in turn, so each fold holds a share of each corpus
        byFold.get(i++ % folds).add(new Item(c, a.text(), spans, gold));
      }
    }
    WeightTuning t = new WeightTuning(gazetteer);
    System.out.println("default weights: " + Arrays.toString(Weights.DEFAULT.toArray()));
    double[] heldOut = new double[2];
    for (int f = 0; f < folds; f++) {
      List<Item> train = new ArrayList<>();
      for (int g = 0; g < folds; g++) {
        if (g != f) {
          train.addAll(byFold.get(g));
        }
      }
      Weights w = t.search(train);
      double[] before = t.accuracy(Weights.DEFAULT, byFold.get(f));
      double[] after = t.accuracy(w, byFold.get(f));
      heldOut[0] += after[0] / folds;
      heldOut[1] += after[1] / folds;
      System.out.printf(
          Locale.ROOT,
          "fold %d held out: LGL %.4f -> %.4f, GWN %.4f -> %.4f with %s%n",
          f,
          before[0],
          after[0],
          before[1],
          after[1],
          Arrays.toString(w.toArray()));
    }
    System.out.printf(
        Locale.ROOT, "mean held-out acc@161: LGL %.4f, GWN %.4f%n", heldOut[0], heldOut[1]);
    List<Item> all = new ArrayList<>();
    byFold.forEach(all::addAll);
    Weights w = t.search(all);
    System.out.println("weights tuned on all folds: " + Arrays.toString(w.toArray()));
  }

  Weights search(List<Item> train) {
    double[] w = Weights.DEFAULT.toArray();
    double best = objective(Weights.of(w), train);
    for (int pass = 0; pass < PASSES; pass++) {
      for (int k = 0; k < w.length; k++) {
        double keep = w[k];
        double bestValue = keep;
        for (double step : STEPS) {
          w[k] = keep + step;
          double score = objective(Weights.of(w), train);
          if (score > best + 1e-9) {
            best = score;
            bestValue = w[k];
          }
        }
        w[k] = bestValue;
      }
    }
    return Weights.of(w);
  }

  double objective(Weights w, List<Item> items) {
    double[] acc = accuracy(w, items);
    return (acc[0] + acc[1]) / 2;
  }

  /** Resolution accuracy within 161 km on the gold spans, per corpus. */
  double[] accuracy(Weights w, List<Item> items) {
    Geoparser parser = new Geoparser(gazetteer, w);
    int[] hits = new int[2];
    int[] total = new int[2];
    for (Item item : items) {
      List<Mention> resolved = parser.resolveAt(item.text(), item.spans());
      for (int k = 0; k < resolved.size(); k++) {
        Mention m = resolved.get(k);
        total[item.corpus()]++;
        if (m != null
            && ErrorStats.distanceKm(
                    item.gold()[k][0], item.gold()[k][1], m.place().lat(), m.place().lon())
                <= ErrorStats.ACCURATE_KM) {
          hits[item.corpus()]++;
        }
      }
    }
    return new double[] {(double) hits[0] / total[0], (double) hits[1] / total[1]};
  }
}
