package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.conflictmap.eval.CorpusFormat;
import org.conflictmap.eval.CorpusReader;
import org.conflictmap.eval.GoldArticle;
import org.junit.jupiter.api.Test;

/**
 * What a parser keeps across texts (its vocabulary of words, the names it looked up and ranked)
 * must change no answer: whatever it read before, however small its tables, and from however many
 * threads at once, a text gets exactly the mentions a parser that never read anything gives it.
 */
class ParserMemoryTest {
  private static final Path EVAL = Path.of("..", "..", "shared", "eval");

  /** The project's own news texts: the event-extraction sets, the sample, the founding article. */
  private static final List<Path> OWN =
      List.of(
          Path.of("..", "geodata", "events-eval"),
          Path.of("..", "geodata", "events-eval", "heldout"),
          Path.of("..", "geodata", "sample"),
          Path.of("src", "test", "resources", "founding"));

  /**
   * News texts with recurring names and words: the project's own, and some of both development
   * corpora when they are beside the checkout (../shared/eval/; they are not ours to redistribute).
   */
  private static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path dir : OWN) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          texts.add(Files.readString(f));
        }
      }
    }
    assertThat(texts).as("the project's own texts").hasSizeGreaterThan(40);
    if (Files.isRegularFile(EVAL.resolve("lgl.xml"))) {
      for (GoldArticle a :
          CorpusReader.read(EVAL.resolve("lgl.xml"), CorpusFormat.LGL, false)
              .articles()
              .subList(0, 60)) {
        texts.add(a.text());
      }
    }
    if (Files.isRegularFile(EVAL.resolve("gwn.xml"))) {
      for (GoldArticle a :
          CorpusReader.read(EVAL.resolve("gwn.xml"), CorpusFormat.GWN, false)
              .articles()
              .subList(0, 40)) {
        texts.add(a.text());
      }
    }
    return texts;
  }

  /** Each text read by a parser of its own, that has read nothing before. */
  private static List<List<Mention>> unprimed(List<String> texts) {
    List<List<Mention>> out = new ArrayList<>();
    for (String t : texts) {
      out.add(new Geoparser(TestGazetteer.get()).parse(t));
    }
    return out;
  }

  @Test
  void tinyTablesThatForgetAtEveryStepGiveTheSameMentions() throws IOException {
    List<String> texts = texts();
    List<List<Mention>> expected = unprimed(texts);
    // two names and two words kept: every lookup evicts, every collision is met
    Geoparser forgetful = new Geoparser(TestGazetteer.get(), Weights.DEFAULT, 2, 2);
    Geoparser roomy = new Geoparser(TestGazetteer.get());
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < texts.size(); i++) {
        assertThat(forgetful.parse(texts.get(i))).as("text %d", i).isEqualTo(expected.get(i));
        assertThat(roomy.parse(texts.get(i))).as("text %d", i).isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void oneParserSharedByThreadsGivesEachTextItsOwnMentions() throws Exception {
    List<String> texts = texts();
    List<List<Mention>> expected = unprimed(texts);
    Geoparser shared = new Geoparser(TestGazetteer.get(), Weights.DEFAULT, 64, 256);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        results.add(
            pool.submit(
                () -> {
                  List<Integer> order = new ArrayList<>();
                  for (int i = 0; i < texts.size(); i++) {
                    order.add(i);
                  }
                  Collections.shuffle(order, new Random(seed));
                  List<String> wrong = new ArrayList<>();
                  for (int i : order) {
                    if (!shared.parse(texts.get(i)).equals(expected.get(i))) {
                      wrong.add("text " + i);
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<List<String>> r : results) {
        assertThat(r.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
