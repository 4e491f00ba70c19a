package org.conflictmap.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ratchet: the geoparser's figures on the development corpora (LGL and GeoWebNews, read from
 * ../shared/eval/) may not fall below the level reached. When a change improves a figure, raise its
 * floor here to the new level, so that later changes cannot silently give the gain back.
 *
 * <p>The corpora are not ours to redistribute, so a checkout without {@code ../shared/eval/} beside
 * it skips this class (JUnit reports it as skipped, not passed). Run it with the corpora present:
 * {@code mvn -pl server -am test -Dtest=AccuracyRatchetTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AccuracyRatchetTest {
  static final Path EVAL = Path.of("..", "..", "shared", "eval");

  /** Run-to-run noise is nil (the parser is deterministic); this only absorbs rounding. */
  static final double EPSILON = 0.005;

  // floors: the figures reached, as fractions (see the eval command's table)
  static final double LGL_RECOGNITION_F1 = 0.808;
  static final double LGL_RESOLUTION_ACC161 = 0.863;
  static final double LGL_END_TO_END_ACC161 = 0.836;
  static final double LGL_ORACLE161 = 0.925;
  static final double GWN_RECOGNITION_F1 = 0.830;
  static final double GWN_RESOLUTION_ACC161 = 0.771;
  static final double GWN_END_TO_END_ACC161 = 0.793;
  static final double GWN_ORACLE161 = 0.786;

  static EvalReport lgl;
  static EvalReport gwn;

  @BeforeAll
  static void evaluate() {
    assumeTrue(
        Files.isRegularFile(EVAL.resolve("lgl.xml"))
            && Files.isRegularFile(EVAL.resolve("gwn.xml")),
        "the development corpora are not beside this checkout (../shared/eval/)");
    Geoparser parser = new Geoparser(TestGazetteer.get());
    lgl =
        Evaluation.run(parser, CorpusReader.read(EVAL.resolve("lgl.xml"), CorpusFormat.LGL, false));
    gwn =
        Evaluation.run(parser, CorpusReader.read(EVAL.resolve("gwn.xml"), CorpusFormat.GWN, false));
  }

  @Test
  void lglHoldsItsLevel() {
    assertThat(lgl.articles()).isEqualTo(588);
    holds("LGL recognition F1", lgl.exact().f1(), LGL_RECOGNITION_F1);
    holds("LGL resolution acc@161", lgl.resolution().acc161(), LGL_RESOLUTION_ACC161);
    holds("LGL end-to-end acc@161", lgl.endToEnd().acc161(), LGL_END_TO_END_ACC161);
    holds("LGL gazetteer oracle@161", lgl.oracle161(), LGL_ORACLE161);
    // and we stay ahead of the population baseline we are measured against
    assertThat(lgl.resolution().acc161()).isGreaterThan(lgl.baseline().acc161());
  }

  @Test
  void geoWebNewsHoldsItsLevel() {
    assertThat(gwn.articles()).isEqualTo(200);
    holds("GWN recognition F1", gwn.exact().f1(), GWN_RECOGNITION_F1);
    holds("GWN resolution acc@161", gwn.resolution().acc161(), GWN_RESOLUTION_ACC161);
    holds("GWN end-to-end acc@161", gwn.endToEnd().acc161(), GWN_END_TO_END_ACC161);
    holds("GWN gazetteer oracle@161", gwn.oracle161(), GWN_ORACLE161);
    assertThat(gwn.resolution().acc161()).isGreaterThan(gwn.baseline().acc161());
  }

  private static void holds(String figure, double actual, double floor) {
    assertThat(actual)
        .as(
            "%s is %.4f, below its floor %.3f: a change made the geoparser worse. (If you improved"
                + " it instead, raise the floors in AccuracyRatchetTest to the new figures.)",
            figure, actual, floor)
        .isGreaterThanOrEqualTo(floor - EPSILON);
  }
}
