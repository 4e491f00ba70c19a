package org.conflictmap.http;

import org.conflictmap.problem.InputException;

/**
 * The one number grammar of the view parameters ({@code bbox}, {@code center}, {@code zoom}): ASCII
 * decimal, {@code -?[0-9]+(\.[0-9]+)?}, at most {@value #MAX_LENGTH} characters. {@link
 * Double#parseDouble} also reads {@code NaN}, {@code Infinity}, hex floats ({@code 0x1p3}),
 * exponents, a trailing {@code d} or {@code f} and surrounding control characters, so one view had
 * many spellings and some of them were not numbers at all; this refuses them.
 */
final class Decimal {
  static final int MAX_LENGTH = 32;

  private Decimal() {}

  /** The value of a strict decimal, or a {@link NumberFormatException} saying why not. */
  static double parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    if (raw.length() > MAX_LENGTH) {
      throw new NumberFormatException("longer than " + MAX_LENGTH + " characters");
    }
    int i = raw.charAt(0) == '-' ? 1 : 0;
    int intDigits = digits(raw, i);
    if (intDigits == 0) {
      throw new NumberFormatException("no digits before the point");
    }
    i += intDigits;
    if (i < raw.length()) {
      if (raw.charAt(i) != '.') {
        throw new NumberFormatException("not an ASCII decimal");
      }
      int fraction = digits(raw, i + 1);
      if (fraction == 0 || i + 1 + fraction != raw.length()) {
        throw new NumberFormatException("not an ASCII decimal");
      }
    }
    return Double.parseDouble(raw);
  }

  /**
   * Exactly {@code count} comma-separated decimals (spaces around each allowed, an empty item or a
   * trailing comma not), refused as a 400 naming the parameter {@code name} and its {@code shape}.
   */
  static double[] list(String name, String raw, int count, String shape) {
    String[] parts = raw.split(",", -1);
    if (parts.length != count) {
      throw malformed(name, name + " takes " + shape + "; got '" + raw + "'");
    }
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        v[i] = parse(parts[i].strip());
      } catch (NumberFormatException e) {
        throw malformed(
            name,
            name
                + " value '"
                + parts[i]
                + "' is not a decimal number (ASCII digits with an optional minus and point)");
      }
    }
    return v;
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private static InputException malformed(String name, String detail) {
    return new InputException(InputException.Kind.MALFORMED, "Invalid " + name, detail);
  }
}
