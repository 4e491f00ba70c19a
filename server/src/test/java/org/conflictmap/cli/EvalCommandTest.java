package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} as a script calls it: the JSON shape, the table, and errors on bad corpora. */
class EvalCommandTest {
  static final String ONE_BASED =
      """
      <articles><article>
        <text>Shelling hit Aleppo, Syria, on Monday.</text>
        <locations>
          <location><name>Aleppo</name><start>14</start><end>20</end>
            <lat>36.20124</lat><lon>37.16117</lon></location>
          <location><name>Syria</name><start>22</start><end>27</end>
            <lat>35</lat><lon>38</lon></location>
        </locations>
      </article></articles>
      """;

  @TempDir Path dir;

  Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void jsonHasTheFiguresScriptsRead() throws Exception {
    Path corpus = write("wiki.xml", ONE_BASED);
    CliTest.Run r =
        CliTest.run("eval", corpus.toString(), "--format", "wikinews", "--one-based", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("warning");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("corpus").asText()).isEqualTo("wiki.xml");
    assertThat(j.path("recognition").path("f1").asDouble()).isEqualTo(1.0);
    assertThat(j.path("recognition").has("precision")).isTrue();
    assertThat(j.path("recognition").has("recall")).isTrue();
    assertThat(j.path("recognition").has("f1_overlap")).isTrue();
    assertThat(j.path("resolution").path("acc161").asDouble()).isEqualTo(1.0);
    for (String k : new String[] {"median_km", "mean_km", "auc", "exact_id"}) {
      assertThat(j.path("resolution").has(k)).as(k).isTrue();
    }
    assertThat(j.path("end_to_end").path("acc161").asDouble()).isEqualTo(1.0);
    assertThat(j.path("baseline").path("acc161").asDouble()).isEqualTo(1.0);
    assertThat(j.path("baseline").has("median_km")).isTrue();
    assertThat(j.path("baseline").has("auc")).isTrue();
    assertThat(j.path("gazetteer").path("name_match").asDouble()).isEqualTo(1.0);
    assertThat(j.path("gazetteer").path("oracle161").asDouble()).isEqualTo(1.0);
  }

  @Test
  void tableWarnsOfEachMisalignedRecord() throws Exception {
    Path corpus = write("wiki.xml", ONE_BASED);
    CliTest.Run r = CliTest.run("eval", corpus.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err().lines().filter(l -> l.startsWith("warning:"))).hasSize(2);
    assertThat(r.out())
        .contains("records realigned to their name: 2")
        .contains("resolution on gold spans: acc@161 km")
        .contains("population");
  }

  @Test
  void badCorporaAreClearErrors() throws Exception {
    CliTest.Run malformed = CliTest.run("eval", write("bad.xml", "<articles><article>").toString());
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err())
        .startsWith("error: malformed corpus XML")
        .doesNotContain("Exception");

    CliTest.Run empty = CliTest.run("eval", write("empty.xml", "<articles></articles>").toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).startsWith("error: empty corpus");

    CliTest.Run missing = CliTest.run("eval", dir.resolve("nope.xml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: no such corpus");

    CliTest.Run format =
        CliTest.run("eval", write("w.xml", ONE_BASED).toString(), "--format", "csv");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("unknown corpus format");
  }
}
