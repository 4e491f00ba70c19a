package org.conflictmap.geoparse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A text prepared for parsing: its word tokens, which of them open a sentence, and its lower-case
 * vocabulary.
 */
final class Document {
  final String text;
  final List<Token> tokens;
  private final boolean[] sentenceInitial;
  private final String[] lower;
  private final Set<String> lowerCaseWords = new HashSet<>();

  Document(String text) {
    this.text = text;
    this.tokens = Tokenizer.words(text);
    this.sentenceInitial = new boolean[tokens.size()];
    this.lower = new String[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      lower[i] = t.lower();
      sentenceInitial[i] = i == 0 || opensSentence(tokens.get(i - 1).end(), t.start());
      if (Character.isLowerCase(t.text().codePointAt(0))) {
        lowerCaseWords.add(t.text());
      }
    }
  }

  int size() {
    return tokens.size();
  }

  Token token(int i) {
    return tokens.get(i);
  }

  /** Token i in lower case, computed once. */
  String lower(int i) {
    return lower[i];
  }

  /** The text from the start of token a to the end of token b. */
  String span(int a, int b) {
    return text.substring(tokens.get(a).start(), tokens.get(b).end());
  }

  /** The last token, from token {@code from} on, that starts before character {@code end}. */
  int tokenEndingBy(int end, int from) {
    int j = from;
    while (j + 1 < tokens.size() && tokens.get(j + 1).start() < end) {
      j++;
    }
    return j;
  }

  /**
   * The tokens that overlap characters [start, end), as {first, last}, or null if none does. A
   * binary search: tokens are in text order.
   */
  int[] tokensCovering(int start, int end) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).end() <= start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo >= tokens.size() || tokens.get(lo).start() >= end) {
      return null;
    }
    return new int[] {lo, tokenEndingBy(end, lo)};
  }

  boolean sentenceInitial(int i) {
    return sentenceInitial[i];
  }

  /**
   * Whether the word also occurs in lower case in this text, which makes a capitalised use a
   * sentence opener.
   */
  boolean seenInLowerCase(String word) {
    return lowerCaseWords.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** The characters between token i and token i+1. */
  String gapAfter(int i) {
    return i + 1 < tokens.size()
        ? text.substring(tokens.get(i).end(), tokens.get(i + 1).start())
        : "";
  }

  /** Token i is followed by a possessive 's ("Syria's", "Turkey’s"). */
  boolean possessive(int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    String gap = gapAfter(i);
    Token next = tokens.get(i + 1);
    return gap.length() == 1 && isApostrophe(gap.charAt(0)) && next.text().equals("s");
  }

  /** The index of the word after token i, skipping a possessive 's. */
  int nextWordSkippingPossessive(int i) {
    return possessive(i) ? i + 2 : i + 1;
  }

  private boolean opensSentence(int prevEnd, int start) {
    for (int k = start - 1; k >= prevEnd; k--) {
      char c = text.charAt(k);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') {
        return true;
      }
      if (c == '"' || c == '\u201C' || c == '\u201D' || c == '(' || c == '[') {
        // a quotation or aside opens with a capital even mid-sentence
        return true;
      }
    }
    return false;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
  }
}
