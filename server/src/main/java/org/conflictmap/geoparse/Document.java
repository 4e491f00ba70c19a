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
  private int[] starts;

  /**
   * Per token, once known: {@link #LISTS_KNOWN} and the {@link Lexicon} lists of its lower case.
   */
  private final int[] lists;

  private static final int LISTS_KNOWN = 1 << 31;

  /** Per token, once known: {@link #SHAPE_KNOWN} and the flags below. */
  private final byte[] shape;

  private static final int SHAPE_KNOWN = 1;
  private static final int CAPITALIZED = 2;
  private static final int CASED = 4;
  private static final int ALL_CAPS = 8;

  Document(String text) {
    this.text = text;
    this.tokens = Tokenizer.words(text);
    this.lower = new String[tokens.size()];
    this.folded = new String[tokens.size()];
    this.shape = new byte[tokens.size()];
    this.lists = new int[tokens.size()];
  }

  /**
   * Whether token i in lower case is on a word list: {@code list} is one of the {@link Lexicon}
   * bits, or several or'ed together for "on any of them".
   */
  boolean listed(int i, int list) {
    int l = lists[i];
    if (l == 0) {
      Token t = tokens.get(i);
      l = Lexicon.WORDS.listsOfAscii(text, t.start(), t.end());
      if (l < 0) {
        l = Lexicon.WORDS.lists(lower(i));
      }
      l |= LISTS_KNOWN;
      lists[i] = l;
    }
    return (l & list) != 0;
  }

  /**
   * Whether token i, exactly as written, is on a word list: it is on the list in lower case and is
   * written in lower case.
   */
  boolean listedAsWritten(int i, int list) {
    return listed(i, list) && writtenInLowerCase(i);
  }

  /**
   * Whether token i in lower case is {@code word}, a lower-case ASCII word: as {@code
   * lower(i).equals(word)}, without making the lower-case copy of an ASCII token.
   */
  boolean lowerIs(int i, String word) {
    Token t = tokens.get(i);
    if (t.end() - t.start() != word.length()) {
      // lower-casing changes the length of no ASCII text, and of little else
      return !isAscii(t.start(), t.end()) && lower(i).equals(word);
    }
    for (int k = 0; k < word.length(); k++) {
      char ch = text.charAt(t.start() + k);
      if (ch >= 0x80) {
        return lower(i).equals(word);
      }
      if ((ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean writtenInLowerCase(int i) {
    Token t = tokens.get(i);
    for (int c = t.start(); c < t.end(); c++) {
      char ch = text.charAt(c);
      if (ch >= 0x80) {
        return lower(i).equals(t.text());
      }
      if (ch >= 'A' && ch <= 'Z') {
        return false;
      }
    }
    return true;
  }

  /** {@link Token#capitalized()} of token i, worked out once. */
  boolean capitalized(int i) {
    return (shape(i) & CAPITALIZED) != 0;
  }

  /** {@link Token#cased()} of token i, worked out once. */
  boolean cased(int i) {
    return (shape(i) & CASED) != 0;
  }

  /** {@link Token#allCaps()} of token i, worked out once. */
  boolean allCaps(int i) {
    return (shape(i) & ALL_CAPS) != 0;
  }

  private int shape(int i) {
    int s = shape[i];
    if (s == 0) {
      Token t = tokens.get(i);
      s =
          SHAPE_KNOWN
              | (t.capitalized() ? CAPITALIZED : 0)
              | (t.cased() ? CASED : 0)
              | (t.allCaps() ? ALL_CAPS : 0);
      shape[i] = (byte) s;
    }
    return s;
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
      // a token is letters, digits and marks only, so in ASCII its index form is its lower case
      Token t = tokens.get(i);
      f = isAscii(t.start(), t.end()) ? lower(i) : Names.normalize(t.text());
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

  private boolean isAscii(int from, int to) {
    for (int c = from; c < to; c++) {
      if (text.charAt(c) >= 0x80) {
        return false;
      }
    }
    return true;
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
   * sentence opener. Asked about a few words per text: a scan over the tokens' offsets, compared in
   * the text, costs less than indexing every word.
   */
  boolean seenInLowerCase(String word) {
    String lowered = word.toLowerCase(Locale.ROOT);
    if (lowered.isEmpty() || !Character.isLowerCase(lowered.codePointAt(0))) {
      return false;
    }
    int[] starts = starts();
    int length = lowered.length();
    char first = lowered.charAt(0);
    for (int k = 0; k < starts.length; k++) {
      int start = starts[k];
      if (text.charAt(start) == first
          && tokens.get(k).end() - start == length
          && text.regionMatches(start, lowered, 0, length)) {
        return true;
      }
    }
    return false;
  }

  /** The tokens' start offsets in one array, for scans that read nothing else of most tokens. */
  private int[] starts() {
    if (starts == null) {
      int[] s = new int[tokens.size()];
      for (int k = 0; k < s.length; k++) {
        s[k] = tokens.get(k).start();
      }
      starts = s;
    }
    return starts;
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
