package org.conflictmap.geoparse;

/**
 * A word of the text (letters, digits and combining marks) with its character span, end exclusive.
 */
record Token(int start, int end, String text) {

  /** Starts with a capital letter, or is written in a script without case (Arabic, Chinese). */
  boolean capitalized() {
    int cp = text.codePointAt(0);
    return Character.isUpperCase(cp)
        || Character.isTitleCase(cp)
        || (Character.isLetter(cp) && !Character.isLowerCase(cp) && !Character.isUpperCase(cp));
  }

  /** Written in a script with capitals (Latin, Cyrillic, Greek), where a capital marks a name. */
  boolean cased() {
    int cp = text.codePointAt(0);
    return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
  }

  /** Two or more letters, all capitals: an acronym such as UN or NATO. */
  boolean allCaps() {
    if (text.length() < 2) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  String lower() {
    return text.toLowerCase(java.util.Locale.ROOT);
  }
}
