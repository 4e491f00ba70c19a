package org.conflictmap.geoparse;

/**
 * The geoparser's own tokenizer over a text and nothing else: the floor under any geoparsing speed.
 * Lives in the geoparser's package because the tokenizer is not public API.
 */
public final class TokenizerPass {
  private TokenizerPass() {}

  /** Tokenises the text and returns the number of word tokens (so the work cannot be skipped). */
  public static int words(String text) {
    return Tokenizer.words(text).size();
  }

  /**
   * Finds the words' boundaries only, without making a string per word: the lighter scan the
   * parser's own document starts from. Returns the number of words.
   */
  public static int spans(String text) {
    return Tokenizer.spans(text.toCharArray()).count();
  }
}
