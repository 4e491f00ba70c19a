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
}
