package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits text into word tokens; everything else (space, punctuation) only separates them. */
final class Tokenizer {
  private Tokenizer() {}

  static List<Token> words(String text) {
    List<Token> out = new ArrayList<>(text.length() / 5 + 1);
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n) {
        cp = text.codePointAt(i);
        if (!isWordChar(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      out.add(new Token(start, i, text.substring(start, i)));
    }
    return out;
  }

  /** The tokens' character spans, as {@link #words} finds them: {@code count} of each array. */
  record Spans(int[] starts, int[] ends, int count) {}

  /**
   * The same tokens as {@link #words}, as spans only: a parser asks for the strings of a few of
   * them, and a text's worth of small strings costs more to make than to find the words. ASCII is
   * told by a table ({@link #isWordChar} says yes to its letters and digits only).
   */
  static Spans spans(char[] chars) {
    int n = chars.length;
    int[] starts = new int[n / 5 + 1];
    int[] ends = new int[starts.length];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (!wordCharAt(chars, i)) {
        i += charCountAt(chars, i);
        continue;
      }
      int start = i;
      while (i < n && wordCharAt(chars, i)) {
        i += charCountAt(chars, i);
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count] = i;
      count++;
    }
    return new Spans(starts, ends, count);
  }

  private static boolean wordCharAt(char[] chars, int i) {
    char c = chars[i];
    return c < 0x80 ? ASCII_WORD[c] : isWordChar(Character.codePointAt(chars, i));
  }

  private static int charCountAt(char[] chars, int i) {
    return chars[i] < 0x80 ? 1 : Character.charCount(Character.codePointAt(chars, i));
  }

  /** {@link #isWordChar} of each ASCII character. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (int c = 0; c < ASCII_WORD.length; c++) {
      ASCII_WORD[c] = isWordChar(c);
    }
  }

  static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
