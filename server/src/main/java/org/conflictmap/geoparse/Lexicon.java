package org.conflictmap.geoparse;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The small single-word lists of {@link WordLists} in one table: a lower-case word → the lists it
 * is on, as bits. The spotter asks about a capitalised word's membership in half a dozen lists; one
 * probe here answers them all, and an ASCII word is probed straight from the text, without the
 * lower-case copy a {@code Set<String>} would need. The table is small enough to stay in the
 * processor's cache, which is why the large list of English words is not in it: the spotter asks
 * that one only about the few words it is about to take for places.
 *
 * <p>The lists stay the source of truth (and stay {@code Set}s for their other readers); this is an
 * index over them, so a word is on a list here exactly when the list contains it.
 */
final class Lexicon {
  static final int NOT_PLACES = 1;
  static final int FIRST_NAMES = 1 << 2;
  static final int PLACE_WORDS = 1 << 3;
  static final int STREET_WORDS = 1 << 4;
  static final int LOCATIVES = 1 << 5;
  static final int NAME_ABBREVIATIONS_AT_END = 1 << 6;
  static final int NAME_ABBREVIATIONS = 1 << 7;
  static final int TITLES = 1 << 8;
  static final int ROLES_BEFORE_NAMES = 1 << 9;
  static final int REPORTING_VERBS = 1 << 10;
  static final int CONNECTORS = 1 << 11;
  static final int REGION_AFTER = 1 << 12;
  static final int LOCAL_AFTER = 1 << 13;
  static final int REGION_BEFORE_OF = 1 << 14;
  static final int NEAR_BEFORE = 1 << 15;
  static final int DIRECTIONS = 1 << 16;
  static final int SURNAME_PARTICLES = 1 << 17;
  static final int PLACE_PREFIXES = 1 << 18;

  /** The lists of {@link WordLists}, as one table. */
  static final Lexicon WORDS =
      new Lexicon(
          Map.ofEntries(
              Map.entry(NOT_PLACES, WordLists.NOT_PLACES),
              Map.entry(FIRST_NAMES, WordLists.FIRST_NAMES),
              Map.entry(PLACE_WORDS, WordLists.PLACE_WORDS),
              Map.entry(STREET_WORDS, WordLists.STREET_WORDS),
              Map.entry(LOCATIVES, WordLists.LOCATIVES),
              Map.entry(NAME_ABBREVIATIONS_AT_END, WordLists.NAME_ABBREVIATIONS_AT_END),
              Map.entry(NAME_ABBREVIATIONS, WordLists.NAME_ABBREVIATIONS),
              Map.entry(TITLES, WordLists.TITLES),
              Map.entry(ROLES_BEFORE_NAMES, WordLists.ROLES_BEFORE_NAMES),
              Map.entry(REPORTING_VERBS, WordLists.REPORTING_VERBS),
              Map.entry(CONNECTORS, WordLists.CONNECTORS),
              Map.entry(REGION_AFTER, WordLists.REGION_AFTER),
              Map.entry(LOCAL_AFTER, WordLists.LOCAL_AFTER),
              Map.entry(REGION_BEFORE_OF, WordLists.REGION_BEFORE_OF),
              Map.entry(NEAR_BEFORE, WordLists.NEAR_BEFORE),
              Map.entry(DIRECTIONS, WordLists.DIRECTIONS),
              Map.entry(SURNAME_PARTICLES, WordLists.SURNAME_PARTICLES),
              Map.entry(PLACE_PREFIXES, WordLists.PLACE_PREFIXES)));

  /** Open-addressing table, size a power of two; a null word is an empty slot. */
  private final String[] words;

  private final int[] lists;

  /**
   * Per slot, its word's hash: a probe passes over another word's slot without reading that word,
   * which, unlike this array, is seldom in the processor's cache.
   */
  private final int[] hashes;

  Lexicon(Map<Integer, Set<String>> byList) {
    Map<String, Integer> flags = new HashMap<>();
    byList.forEach((bit, list) -> list.forEach(w -> flags.merge(w, bit, (a, b) -> a | b)));
    int capacity = Integer.highestOneBit(Math.max(4, flags.size() * 2 - 1)) << 1;
    words = new String[capacity];
    lists = new int[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    flags.forEach(
        (w, f) -> {
          int slot = spread(w.hashCode()) & mask;
          while (words[slot] != null) {
            slot = (slot + 1) & mask;
          }
          words[slot] = w;
          lists[slot] = f;
          hashes[slot] = w.hashCode();
        });
  }

  /** The lists a word, exactly as given, is on; 0 if none. */
  int lists(String word) {
    int mask = words.length - 1;
    for (int slot = spread(word.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String w = words[slot];
      if (w == null) {
        return 0;
      }
      if (w.equals(word)) {
        return lists[slot];
      }
    }
  }

  /**
   * The lists that {@code text[from, to)} in lower case is on, for ASCII text only (where lower
   * case is a matter of 'A'..'Z'); -1 if the text is not ASCII, for the caller to ask {@link
   * #lists(String)} with the word lower-cased.
   */
  int listsOfAscii(char[] text, int from, int to) {
    int h = 0;
    for (int c = from; c < to; c++) {
      char ch = text[c];
      if (ch >= 0x80) {
        return -1;
      }
      h = 31 * h + lowerAscii(ch);
    }
    int mask = words.length - 1;
    int length = to - from;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      String w = words[slot];
      if (w == null) {
        return 0;
      }
      if (hashes[slot] == h && w.length() == length && sameLowerAscii(w, text, from)) {
        return lists[slot];
      }
    }
  }

  private static boolean sameLowerAscii(String word, char[] text, int from) {
    for (int k = 0; k < word.length(); k++) {
      if (word.charAt(k) != lowerAscii(text[from + k])) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** String hashes of similar words differ in their low bits only a little; mix them. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
