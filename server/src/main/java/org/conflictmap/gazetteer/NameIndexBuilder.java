package org.conflictmap.gazetteer;

import java.util.Arrays;

/**
 * Builds a {@link NameIndex} one (name, place) pair at a time, straight into flat arrays: the
 * characters, the open-addressing table the index itself uses, and each name's places as a chain
 * through two int arrays. A {@code HashMap<String, int[]>} of the twenty-odd million folded names
 * of a full GeoNames dump needed several GB; this needs little more than the finished index.
 *
 * <p>The index comes out as {@link NameIndex#of} would build it from the same pairs: each name's
 * places in the order they were added.
 */
final class NameIndexBuilder {
  private char[] chars = new char[1 << 16];
  private int charCount;
  private int[] nameStart = new int[1 << 12];

  /** Each name's last-added posting, or -1; postings chain backwards through {@link #previous}. */
  private int[] last = new int[1 << 12];

  private int names;
  private int[] postPlace = new int[1 << 12];
  private int[] previous = new int[1 << 12];
  private int posts;

  /** Name id + 1 per slot, 0 = empty; sized as {@link NameIndex} sizes its table. */
  private int[] table = new int[capacity(0)];

  private int longestWords = 1;

  /** Adds a place to a folded name; a place must be added to a name at most once. */
  void add(String folded, int place) {
    int id = find(folded);
    if (id < 0) {
      id = newName(folded);
    }
    if (posts == postPlace.length) {
      int grown = grow(posts);
      postPlace = Arrays.copyOf(postPlace, grown);
      previous = Arrays.copyOf(previous, grown);
    }
    postPlace[posts] = place;
    previous[posts] = last[id];
    last[id] = posts++;
  }

  int size() {
    return names;
  }

  /** The finished index; the builder is spent. */
  NameIndex build() {
    nameStart[names] = charCount;
    int[] postStart = new int[names + 1];
    int[] counts = new int[names];
    for (int id = 0; id < names; id++) {
      int n = 0;
      for (int p = last[id]; p >= 0; p = previous[p]) {
        n++;
      }
      counts[id] = n;
    }
    for (int id = 0; id < names; id++) {
      postStart[id + 1] = postStart[id] + counts[id];
    }
    counts = null;
    int[] placesOut = new int[posts];
    for (int id = 0; id < names; id++) {
      // the chain runs from the last added back: fill from the end
      int at = postStart[id + 1];
      for (int p = last[id]; p >= 0; p = previous[p]) {
        placesOut[--at] = postPlace[p];
      }
    }
    postPlace = null;
    previous = null;
    last = null;
    char[] finalChars = Arrays.copyOf(chars, charCount);
    chars = null;
    int[] finalStarts = Arrays.copyOf(nameStart, names + 1);
    nameStart = null;
    return new NameIndex(finalChars, finalStarts, postStart, placesOut, table, longestWords);
  }

  private int newName(String folded) {
    int id = names;
    if (capacity(id + 1) > table.length) {
      rehash(capacity(id + 1));
    }
    if (id + 2 > nameStart.length) {
      int grown = grow(nameStart.length);
      nameStart = Arrays.copyOf(nameStart, grown);
      last = Arrays.copyOf(last, grown);
    }
    int length = folded.length();
    if (charCount + (long) length > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many characters of names for one gazetteer index");
    }
    if (charCount + length > chars.length) {
      long grown = Math.max(charCount + (long) length, chars.length * 3L / 2);
      chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 16, grown));
    }
    nameStart[id] = charCount;
    folded.getChars(0, length, chars, charCount);
    charCount += length;
    nameStart[id + 1] = charCount;
    last[id] = -1;
    names++;
    insert(id, folded.hashCode());
    int words = 1;
    for (int i = 0; i < length; i++) {
      if (folded.charAt(i) == ' ') {
        words++;
      }
    }
    longestWords = Math.max(longestWords, words);
    return id;
  }

  private int find(String folded) {
    int mask = table.length - 1;
    int slot = NameIndex.spread(folded.hashCode()) & mask;
    while (true) {
      int v = table[slot];
      if (v == 0) {
        return -1;
      }
      if (matches(v - 1, folded)) {
        return v - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean matches(int id, String s) {
    int start = nameStart[id];
    int length = (id + 1 < names ? nameStart[id + 1] : charCount) - start;
    if (length != s.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars[start + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void insert(int id, int hash) {
    int mask = table.length - 1;
    int slot = NameIndex.spread(hash) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = id + 1;
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    for (int id = 0; id < names; id++) {
      int h = 0;
      int end = id + 1 < names ? nameStart[id + 1] : charCount;
      for (int c = nameStart[id]; c < end; c++) {
        h = 31 * h + chars[c];
      }
      insert(id, h);
    }
  }

  /** The table size {@link NameIndex} uses for this many names. */
  static int capacity(int names) {
    return Integer.highestOneBit(Math.max(4, names * 2 - 1)) << 1;
  }

  private static int grow(int length) {
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, length * 3L / 2));
  }
}
