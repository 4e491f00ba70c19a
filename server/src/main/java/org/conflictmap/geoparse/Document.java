package org.conflictmap.geoparse;

import java.util.List;
import java.util.Locale;
import org.conflictmap.gazetteer.Names;

/**
 * A text prepared for parsing: its word tokens, which of them open a sentence, and their lower-case
 * and folded forms.
 *
 * <p>The spotter asks about most tokens many times and about some tokens never, so the derived
 * forms are computed on first use and kept, and the characters between tokens are compared where
 * they stand instead of being copied out.
 */
final class Document {
  final String text;
  final List<Token> tokens;
  private final String[] lower;
  private final String[] folded;
  private int[] lowerCaseWords;

  Document(String text) {
    this.text = text;
    this.tokens = Tokenizer.words(text);
    this.lower = new String[tokens.size()];
    this.folded = new String[tokens.size()];
  }

  int size() {
    return tokens.size();
  }

  Token token(int i) {
    return tokens.get(i);
  }

  /** Token i in lower case, computed once. */
  String lower(int i) {
    String l = lower[i];
    if (l == null) {
      l = tokens.get(i).lower();
      lower[i] = l;
    }
    return l;
  }

  /** Token i in index form ({@link Names#normalize}), computed once. */
  String fold(int i) {
    String f = folded[i];
    if (f == null) {
      f = Names.normalize(tokens.get(i).text());
      folded[i] = f;
    }
    return f;
  }

  /**
   * The index form of tokens a..b and what lies between them, as {@link Names#normalize} gives it
   * for {@link #span}: built from the tokens' folded forms where every gap folds to one space,
   * which is what the gaps inside a name (space, hyphen, ". ") do.
   */
  String folded(int a, int b) {
    if (a == b) {
      return fold(a);
    }
    StringBuilder out = new StringBuilder(tokens.get(b).end() - tokens.get(a).start());
    for (int k = a; k <= b; k++) {
      String f = fold(k);
      if (f.isEmpty() || k < b && !gapFoldsToSpace(k)) {
        return Names.normalize(span(a, b));
      }
      if (k > a) {
        out.append(' ');
      }
      out.append(f);
    }
    return out.toString();
  }

  /**
   * The gap after token i is plain ASCII (or no-break spaces) with a character that is no
   * apostrophe.
   */
  private boolean gapFoldsToSpace(int i) {
    int from = tokens.get(i).end();
    int to = tokens.get(i + 1).start();
    boolean separator = false;
    for (int c = from; c < to; c++) {
      char ch = text.charAt(c);
      if (ch >= 0x80 && ch != '\u00A0') {
        return false;
      }
      if (ch != '\'' && ch != '`') {
        separator = true;
      }
    }
    return separator;
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
    return i == 0 || opensSentence(tokens.get(i - 1).end(), tokens.get(i).start());
  }

  /**
   * Whether the word also occurs in lower case in this text, which makes a capitalised use a
   * sentence opener.
   */
  boolean seenInLowerCase(String word) {
    int[] table = lowerCaseWords();
    String lowered = word.toLowerCase(Locale.ROOT);
    int mask = table.length - 1;
    if (lowered.isEmpty()) {
      return false;
    }
    for (int slot = cheapHash(lowered) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      if (tokens.get(table[slot] - 1).text().equals(lowered)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tokens that begin with a lower-case letter, as an open-addressing table of token index + 1
   * keyed by the word's hash: built on first use, without a hash map's boxes.
   */
  private int[] lowerCaseWords() {
    if (lowerCaseWords == null) {
      int count = 0;
      for (Token t : tokens) {
        if (startsLowerCase(t.text())) {
          count++;
        }
      }
      int[] table = new int[Integer.highestOneBit(Math.max(2, count) * 2) << 1];
      int mask = table.length - 1;
      for (int i = 0; i < tokens.size(); i++) {
        String w = tokens.get(i).text();
        if (startsLowerCase(w)) {
          int slot = cheapHash(w) & mask;
          while (table[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          table[slot] = i + 1;
        }
      }
      lowerCaseWords = table;
    }
    return lowerCaseWords;
  }

  private static boolean startsLowerCase(String w) {
    char c = w.charAt(0);
    return Character.isSurrogate(c)
        ? Character.isLowerCase(w.codePointAt(0))
        : Character.isLowerCase(c);
  }

  /**
   * A hash from the length and the first, second and last characters: enough to spread the words of
   * one text, and it reads four characters where {@link String#hashCode} reads them all.
   */
  private static int cheapHash(String w) {
    int n = w.length();
    int h = n * 0x9E3779B9 + w.charAt(0) * 31 + w.charAt(n - 1) * 961 + w.charAt(n > 1 ? 1 : 0);
    h *= 0x85EBCA6B;
    return h ^ (h >>> 15);
  }

  /** The characters between token i and token i+1. */
  String gapAfter(int i) {
    return i + 1 < tokens.size()
        ? text.substring(tokens.get(i).end(), tokens.get(i + 1).start())
        : "";
  }

  /** Whether the characters between token i and token i+1 are exactly {@code gap}. */
  boolean gapIs(int i, String gap) {
    if (i + 1 >= tokens.size()) {
      return gap.isEmpty();
    }
    int from = tokens.get(i).end();
    return tokens.get(i + 1).start() - from == gap.length()
        && text.regionMatches(from, gap, 0, gap.length());
  }

  /** Whether the gap after token i is a comma, with or without space around it. */
  boolean gapIsComma(int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    return strippedIsComma(tokens.get(i).end(), tokens.get(i + 1).start());
  }

  /** {@code String.strip()} of text[from, to) is exactly ",". */
  private boolean strippedIsComma(int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to - from == 1 && text.charAt(from) == ',';
  }

  /** Whether the gap after token i is empty or white space only. */
  boolean gapIsBlank(int i) {
    if (i + 1 >= tokens.size()) {
      return true;
    }
    for (int c = tokens.get(i).end(); c < tokens.get(i + 1).start(); c++) {
      if (!Character.isWhitespace(text.charAt(c))) {
        return false;
      }
    }
    return true;
  }

  /** Token i is followed by a possessive 's ("Syria's", "Turkey’s"). */
  boolean possessive(int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    int from = tokens.get(i).end();
    Token next = tokens.get(i + 1);
    return next.start() - from == 1 && isApostrophe(text.charAt(from)) && next.text().equals("s");
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
