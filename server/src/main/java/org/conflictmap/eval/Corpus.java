package org.conflictmap.eval;

import java.util.List;

/**
 * An annotated corpus as read, with what the reader had to say about it.
 *
 * @param warnings one line per bad or repaired record
 * @param realigned records whose offsets did not match their name and were moved to the nearest
 *     occurrence of the name
 * @param dropped records left out because they could not be read or placed in the text
 */
public record Corpus(
    String name,
    CorpusFormat format,
    List<GoldArticle> articles,
    List<String> warnings,
    int realigned,
    int dropped) {
  public Corpus {
    articles = List.copyOf(articles);
    warnings = List.copyOf(warnings);
  }

  public int toponymCount() {
    return articles.stream().mapToInt(a -> a.toponyms().size()).sum();
  }
}
