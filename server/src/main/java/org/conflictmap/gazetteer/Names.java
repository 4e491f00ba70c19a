package org.conflictmap.gazetteer;

import java.text.Normalizer;

/**
 * Folds a place name to its index form: case, diacritics and punctuation removed, so Idleb, İdlib,
 * إدلب match.
 */
public final class Names {
  private Names() {}

  /**
   * The index form of a name: lower case, no diacritics (Arabic hamza and harakat included),
   * apostrophes dropped, every other run of punctuation or space turned into one space.
   */
  public static String normalize(CharSequence raw) {
    String s = isPlainAscii(raw) ? raw.toString() : Normalizer.normalize(raw, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      if (isApostrophe(cp)) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        appendFolded(out, cp);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  static boolean isApostrophe(int cp) {
    return cp == '\''
        || cp == '\u2019'
        || cp == '\u2018'
        || cp == '`'
        || cp == '\u02BC'
        || cp == '\u02BB'
        || cp == '\u00B4';
  }

  private static void appendFolded(StringBuilder out, int cp) {
    switch (cp) {
      case '\u0131' -> out.append('i'); // Turkish dotless i
      case '\u00DF' -> out.append("ss");
      case '\u0629' -> out.append('\u0647'); // Arabic ta marbuta is written either way
      case '\u0649' -> out.append('\u064A'); // alef maksura vs ya
      default -> out.appendCodePoint(Character.toLowerCase(cp));
    }
  }

  private static boolean isPlainAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #normalize} turns {@code raw} into {@code folded}; for plain ASCII (most
   * gazetteer names) compared as it folds, without building the folded string.
   */
  public static boolean foldsTo(String raw, String folded) {
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      if (raw.charAt(i) >= 0x80) {
        return normalize(raw).equals(folded);
      }
    }
    int j = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\'' || c == '`') {
        continue; // apostrophes are dropped
      }
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!letterOrDigit) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && j > 0) {
        if (j >= folded.length() || folded.charAt(j) != ' ') {
          return false;
        }
        j++;
      }
      pendingSpace = false;
      char lower = c <= 'Z' && c >= 'A' ? (char) (c + 32) : c;
      if (j >= folded.length() || folded.charAt(j) != lower) {
        return false;
      }
      j++;
    }
    return j == folded.length();
  }
}
