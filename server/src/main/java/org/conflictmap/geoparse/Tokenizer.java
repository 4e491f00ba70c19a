package org.conflictmap.geoparse;

import java.util.ArrayList;
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

  static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
