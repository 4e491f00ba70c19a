package org.conflictmap.eval;

import java.util.List;

/** An article of a corpus with its gold toponyms, whose offsets have been checked against it. */
public record GoldArticle(String id, String text, List<GoldToponym> toponyms) {
  public GoldArticle {
    toponyms = List.copyOf(toponyms);
  }
}
