package org.conflictmap.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.Test;

/** The evaluation on one small article with the bundled gazetteer, figures worked out by hand. */
class EvaluationTest {
  // Aleppo and Syria are right; Narnia is in no gazetteer; the gold Paris is Paris, Texas, which
  // the
  // text gives no reason to prefer over Paris, France
  static final String CORPUS =
      """
      <articles><article>
        <text>Shelling hit Aleppo, Syria, on Monday. Envoys from Narnia met in Paris.</text>
        <locations>
          <location><name>Aleppo</name><start>13</start><end>19</end>
            <lat>36.20124</lat><lon>37.16117</lon></location>
          <location><name>Syria</name><start>21</start><end>26</end>
            <lat>35</lat><lon>38</lon></location>
          <location><name>Narnia</name><start>51</start><end>57</end>
            <lat>10</lat><lon>10</lon></location>
          <location><name>Paris</name><start>65</start><end>70</end>
            <lat>33.66094</lat><lon>-95.55551</lon></location>
        </locations>
      </article></articles>
      """;

  @Test
  void figuresOfASmallCorpus() {
    Corpus corpus =
        CorpusReader.read(
            "small.xml",
            new java.io.ByteArrayInputStream(
                CORPUS.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            CorpusFormat.WIKINEWS,
            false);
    assertThat(corpus.warnings()).isEmpty();
    List<String> details = new ArrayList<>();
    EvalReport r = Evaluation.run(new Geoparser(TestGazetteer.get()), corpus, details::add);

    assertThat(r.goldToponyms()).isEqualTo(4);
    assertThat(r.located()).isEqualTo(4);
    // found Aleppo, Syria and Paris, each exactly; missed Narnia
    assertThat(r.exact().precision()).isEqualTo(1.0);
    assertThat(r.exact().recall()).isEqualTo(0.75);
    assertThat(r.overlap().f1()).isCloseTo(r.exact().f1(), within(1e-12));
    assertThat(details).anySatisfy(d -> assertThat(d).startsWith("FN").contains("Narnia"));

    assertThat(r.resolution().acc161()).isEqualTo(0.5);
    assertThat(r.baseline().acc161()).isEqualTo(0.5);
    assertThat(r.endToEnd().acc161()).isEqualTo(0.5);
    // Narnia costs the maximum error; Paris, France is some 7,900 km from Paris, Texas
    assertThat(r.resolution().meanKm()).isGreaterThan((ErrorStats.MAX_KM + 7_000) / 4);
    assertThat(r.nameMatch()).isEqualTo(0.75);
    assertThat(r.oracle161()).isEqualTo(0.75);
    assertThat(details).anySatisfy(d -> assertThat(d).startsWith("RES").contains("Paris"));
  }
}
