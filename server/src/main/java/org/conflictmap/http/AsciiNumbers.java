package org.conflictmap.http;

/**
 * Whole numbers as a client writes them in a URL: ASCII digits with an optional leading minus.
 * {@link Long#parseLong} also accepts other scripts' digits ({@code ١٢} reads as 12), so one
 * resource would answer under many spellings; these refuse them.
 */
final class AsciiNumbers {
  private AsciiNumbers() {}

  /** Like {@link Long#parseLong(String)}, but only for ASCII digits. */
  static long parseLong(String raw) {
    requireAscii(raw);
    return Long.parseLong(raw);
  }

  /** Like {@link Integer#parseInt(String)}, but only for ASCII digits. */
  static int parseInt(String raw) {
    requireAscii(raw);
    return Integer.parseInt(raw);
  }

  private static void requireAscii(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    int start = raw.charAt(0) == '-' || raw.charAt(0) == '+' ? 1 : 0;
    if (start == raw.length()) {
      throw new NumberFormatException("no digits");
    }
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("not an ASCII digit");
      }
    }
  }
}
