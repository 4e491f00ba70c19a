package org.conflictmap.geoparse;

import java.util.Locale;
import org.conflictmap.gazetteer.Names;

/**
 * A text prepared for parsing: its word tokens, which of them open a sentence, and their lower-case
 * and folded forms.
 *
 * <p>The spotter asks about most tokens many times and about some tokens never, so the derived
 * forms are computed on first use and kept, and the characters between tokens are compared where
 * they stand instead of being copied out. A token's forms and word-list facts are its {@link
 * Word}'s, from the parser's vocabulary: the same for every text.
 */
final class Document {
  final String text;

  /**
   * The text's characters as an array: read at every token and gap, without a check of the string's
   * coding at every character.
   */
  private final char[] chars;

  /** How many tokens: the arrays below may be longer. */
  private final int count;

  /** Per token, once asked for: its {@link Token}, with its own string. */
  private final Token[] tokens;

  /** Where a token's {@link Word} is found; per token, once found. */
  private final Words vocabulary;

  private final Word[] words;

  /**
   * Per token, once known: {@link #LISTS_KNOWN} and the {@link Lexicon} lists of its lower case.
   * Asked of the text's characters rather than of the token's {@link Word}: the lexicon is small
   * enough to stay in the processor's cache, the vocabulary is not, and most tokens asked about
   * need nothing else.
   */
  private final int[] lists;

  private static final int LISTS_KNOWN = 1 << 31;

  /**
   * The tokens' character spans, in two flat arrays: the spotter asks about the gaps between tokens
   * and their first letters far more often than about anything else, and these answer without a
   * visit to each token's object.
   */
  private final int[] starts;

  private final int[] ends;

  /** Per token, once known: {@link #SHAPE_KNOWN} and the flags below. */
  private final byte[] shape;

  private static final int SHAPE_KNOWN = 1;
  private static final int CAPITALIZED = 2;
  private static final int CASED = 4;
  private static final int ALL_CAPS = 8;

  /** A text on its own, with a vocabulary of its own. */
  Document(String text) {
    this(text, new Words(256));
  }

  /** A text whose words are looked up in, and added to, a parser's vocabulary. */
  Document(String text, Words vocabulary) {
    this.text = text;
    this.vocabulary = vocabulary;
    this.chars = text.toCharArray();
    Tokenizer.Spans spans = Tokenizer.spans(chars);
    this.count = spans.count();
    this.starts = spans.starts();
    this.ends = spans.ends();
    this.tokens = new Token[count];
    this.words = new Word[count];
    this.shape = new byte[count];
    this.lists = new int[count];
  }

  /** Token i as a word of the vocabulary, with its forms and facts. */
  Word word(int i) {
    Word w = words[i];
    if (w == null) {
      w = vocabulary.of(chars, starts[i], ends[i]);
      words[i] = w;
    }
    return w;
  }

  /**
   * Whether token i in lower case is on a word list: {@code list} is one of the {@link Lexicon}
   * bits, or several or'ed together for "on any of them".
   */
  boolean listed(int i, int list) {
    int l = lists[i];
    if (l == 0) {
      l = Lexicon.WORDS.listsOfAscii(chars, starts[i], ends[i]);
      if (l < 0) {
        l = word(i).lists;
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
    if (ends[i] - starts[i] != word.length()) {
      // lower-casing changes the length of no ASCII text, and of little else
      return !isAscii(starts[i], ends[i]) && lower(i).equals(word);
    }
    for (int k = 0; k < word.length(); k++) {
      char ch = chars[starts[i] + k];
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
    for (int c = starts[i]; c < ends[i]; c++) {
      char ch = chars[c];
      if (ch >= 0x80) {
        return word(i).lowerAsWritten;
      }
      if (ch >= 'A' && ch <= 'Z') {
        return false;
      }
    }
    return true;
  }

  /** {@link Token#capitalized()} of token i, worked out once. */
  boolean capitalized(int i) {
    char first = chars[starts[i]];
    if (first < 0x80) {
      // told by the first letter alone, and in ASCII by its range
      return first >= 'A' && first <= 'Z';
    }
    return (shape(i) & CAPITALIZED) != 0;
  }

  /** {@link Token#cased()} of token i, worked out once. */
  boolean cased(int i) {
    char first = chars[starts[i]];
    if (first < 0x80) {
      return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z';
    }
    return (shape(i) & CASED) != 0;
  }

  /** Whether token i starts with a lower-case letter. */
  boolean startsLowerCase(int i) {
    char first = chars[starts[i]];
    return first < 0x80 ? first >= 'a' && first <= 'z' : Character.isLowerCase(first);
  }

  /** {@link Token#allCaps()} of token i, worked out once. */
  boolean allCaps(int i) {
    return (shape(i) & ALL_CAPS) != 0;
  }

  private int shape(int i) {
    int s = shape[i];
    if (s == 0) {
      s = SHAPE_KNOWN | (isAscii(starts[i], ends[i]) ? asciiShape(i) : shapeOf(token(i)));
      shape[i] = (byte) s;
    }
    return s;
  }

  private static int shapeOf(Token t) {
    return (t.capitalized() ? CAPITALIZED : 0)
        | (t.cased() ? CASED : 0)
        | (t.allCaps() ? ALL_CAPS : 0);
  }

  /**
   * {@link #shapeOf} for a token of ASCII letters and digits, where a capital is 'A'..'Z', a cased
   * character is a letter, and nothing is title case or an uncased letter.
   */
  private int asciiShape(int i) {
    char first = chars[starts[i]];
    boolean upper = first >= 'A' && first <= 'Z';
    boolean letter = upper || first >= 'a' && first <= 'z';
    int s = (upper ? CAPITALIZED : 0) | (letter ? CASED : 0);
    // as Token.allCaps: digits do not count against it, so "2010" is "all capitals" too
    if (ends[i] - starts[i] >= 2 && noLowerCaseLetter(starts[i], ends[i])) {
      s |= ALL_CAPS;
    }
    return s;
  }

  private boolean noLowerCaseLetter(int from, int to) {
    for (int c = from; c < to; c++) {
      char ch = chars[c];
      if (ch >= 'a' && ch <= 'z') {
        return false;
      }
    }
    return true;
  }

  int size() {
    return count;
  }

  /** Where token i starts in the text. */
  int start(int i) {
    return starts[i];
  }

  /** Where token i ends in the text, exclusive. */
  int end(int i) {
    return ends[i];
  }

  /** Token i's length in characters. */
  int length(int i) {
    return ends[i] - starts[i];
  }

  /** Token i's first character. */
  char firstChar(int i) {
    return chars[starts[i]];
  }

  Token token(int i) {
    Token t = tokens[i];
    if (t == null) {
      t = new Token(starts[i], ends[i], text.substring(starts[i], ends[i]));
      tokens[i] = t;
    }
    return t;
  }

  /** Token i in lower case. */
  String lower(int i) {
    return word(i).lower;
  }

  /** Token i in index form ({@link Names#normalize}). */
  String fold(int i) {
    return word(i).fold;
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
    StringBuilder out = new StringBuilder(ends[b] - starts[a]);
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
   * The {@link String#hashCode()} that {@link #folded}(a, b) has, or {@link #NO_HASH} where it is
   * not simply the tokens' folded forms joined by spaces (then only the string itself will tell).
   * Made from the tokens' own hashes, without building the string: most runs of capitalised words
   * name nothing, and a hash is enough to ask an index whether they might.
   */
  long foldedHash(int a, int b) {
    int h = 0;
    for (int k = a; k <= b; k++) {
      if (k > a) {
        h = 31 * h + ' ';
      }
      if (words[k] == null && isAscii(starts[k], ends[k])) {
        // an ASCII token folds to its lower case: hashed from the text, with no word looked up
        for (int c = starts[k]; c < ends[k]; c++) {
          char ch = chars[c];
          h = 31 * h + (ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
        }
      } else {
        Word w = word(k);
        if (w.fold.isEmpty()) {
          return NO_HASH;
        }
        // the hash of x + f is hash(x) * 31^|f| + hash(f)
        h = h * w.foldShift + w.fold.hashCode();
      }
      if (k < b && !gapFoldsToSpace(k)) {
        return NO_HASH;
      }
    }
    return h;
  }

  /** {@link #foldedHash} where there is none to give. */
  static final long NO_HASH = Long.MIN_VALUE;

  /** Whether token i is written in ASCII only. */
  boolean ascii(int i) {
    return isAscii(starts[i], ends[i]);
  }

  /** Whether token i, an ASCII word, ends in {@code suffix} (lower-case ASCII) in lower case. */
  boolean lowerEndsWith(int i, String suffix) {
    int from = ends[i] - suffix.length();
    if (from < starts[i]) {
      return false;
    }
    for (int k = 0; k < suffix.length(); k++) {
      char ch = chars[from + k];
      if ((ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch) != suffix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Token i in index form, as {@link #fold}, but made from the text for an ASCII token whose word
   * is not looked up yet: for tokens asked about once, such as a person's name, the copy costs less
   * than finding the word.
   */
  String foldOnce(int i) {
    if (words[i] == null && isAscii(starts[i], ends[i])) {
      char[] lower = new char[ends[i] - starts[i]];
      for (int k = 0; k < lower.length; k++) {
        char ch = chars[starts[i] + k];
        lower[k] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
      }
      return new String(lower);
    }
    return fold(i);
  }

  private boolean isAscii(int from, int to) {
    for (int c = from; c < to; c++) {
      if (chars[c] >= 0x80) {
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
    int from = ends[i];
    int to = starts[i + 1];
    boolean separator = false;
    for (int c = from; c < to; c++) {
      char ch = chars[c];
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
    return text.substring(starts[a], ends[b]);
  }

  /** The last token, from token {@code from} on, that starts before character {@code end}. */
  int tokenEndingBy(int end, int from) {
    int j = from;
    while (j + 1 < count && starts[j + 1] < end) {
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
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo >= count || starts[lo] >= end) {
      return null;
    }
    return new int[] {lo, tokenEndingBy(end, lo)};
  }

  boolean sentenceInitial(int i) {
    return i == 0 || opensSentence(ends[i - 1], starts[i]);
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
    int length = lowered.length();
    char first = lowered.charAt(0);
    for (int k = 0; k < count; k++) {
      int start = starts[k];
      if (chars[start] == first
          && ends[k] - start == length
          && text.regionMatches(start, lowered, 0, length)) {
        return true;
      }
    }
    return false;
  }

  /** The characters between token i and token i+1. */
  String gapAfter(int i) {
    return i + 1 < count ? text.substring(ends[i], starts[i + 1]) : "";
  }

  /** Whether the characters between token i and token i+1 are exactly {@code gap}. */
  boolean gapIs(int i, String gap) {
    if (i + 1 >= count) {
      return gap.isEmpty();
    }
    int from = ends[i];
    if (starts[i + 1] - from != gap.length()) {
      return false;
    }
    for (int k = 0; k < gap.length(); k++) {
      if (chars[from + k] != gap.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the gap after token i is a comma, with or without space around it. */
  boolean gapIsComma(int i) {
    if (i + 1 >= count) {
      return false;
    }
    return strippedIsComma(ends[i], starts[i + 1]);
  }

  /** {@code String.strip()} of text[from, to) is exactly ",". */
  private boolean strippedIsComma(int from, int to) {
    while (from < to && Character.isWhitespace(chars[from])) {
      from++;
    }
    while (to > from && Character.isWhitespace(chars[to - 1])) {
      to--;
    }
    return to - from == 1 && chars[from] == ',';
  }

  /** Whether the gap after token i is empty or white space only. */
  boolean gapIsBlank(int i) {
    if (i + 1 >= count) {
      return true;
    }
    for (int c = ends[i]; c < starts[i + 1]; c++) {
      if (!Character.isWhitespace(chars[c])) {
        return false;
      }
    }
    return true;
  }

  /** Token i is followed by a possessive 's ("Syria's", "Turkey’s"). */
  boolean possessive(int i) {
    if (i + 1 >= count) {
      return false;
    }
    int from = ends[i];
    int next = starts[i + 1];
    return next - from == 1
        && isApostrophe(chars[from])
        && ends[i + 1] - next == 1
        && chars[next] == 's';
  }

  /** The index of the word after token i, skipping a possessive 's. */
  int nextWordSkippingPossessive(int i) {
    return possessive(i) ? i + 2 : i + 1;
  }

  private boolean opensSentence(int prevEnd, int start) {
    for (int k = start - 1; k >= prevEnd; k--) {
      char c = chars[k];
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
