package org.conflictmap.geoparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits news text into sentences: at . ! ? before a capital, and at every line break. */
public final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "maj", "gov",
          "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft", "approx",
          "fig", "u.s", "u.k", "u.n", "e.g", "i.e");

  private Sentences() {}

  public static List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(text, start, i, out);
        start = i + 1;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
        int end = i + 1;
        while (end < n && isCloser(text.charAt(end))) {
          end++;
        }
        add(text, start, end, out);
        start = end;
        i = end - 1;
      }
    }
    add(text, start, n, out);
    return out;
  }

  private static boolean endsSentence(String text, int dot) {
    int j = dot + 1;
    while (j < text.length() && isCloser(text.charAt(j))) {
      j++;
    }
    if (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    if (j < text.length()) {
      char next = text.charAt(j);
      if (Character.isDigit(next) && text.regionMatches(true, Math.max(0, dot - 2), "no", 0, 2)) {
        return false; // "No. 10"
      }
      boolean opens = !Character.isLowerCase(next);
      if (!opens) {
        return false;
      }
    }
    if (text.charAt(dot) != '.') {
      return true;
    }
    int w = dot;
    while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
      w--;
    }
    String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
    // initials ("J. Smith") and abbreviations ("Gen. Ali") do not end sentences
    return !(word.length() == 1 && Character.isUpperCase(text.charAt(w)))
        && !ABBREVIATIONS.contains(word);
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\'';
  }

  private static boolean isOpener(char c) {
    return c == '"' || c == '\u201C' || c == '\u2018' || c == '(' || c == '[' || c == '\'';
  }

  private static void add(String text, int start, int end, List<Sentence> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Sentence(start, end, text.substring(start, end)));
    }
  }
}
