package org.conflictmap.gazetteer;

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
  private final Chunks.Chars chars = new Chunks.Chars();

  /** Where each name starts in {@link #chars}. */
  private final Chunks.Ints nameStart = new Chunks.Ints();

  /** Each name's last-added posting, or -1; postings chain backwards through {@link #previous}. */
  private final Chunks.Ints last = new Chunks.Ints();

  private final Chunks.Ints postPlace = new Chunks.Ints();
  private final Chunks.Ints previous = new Chunks.Ints();

  /** Name id + 1 per slot, 0 = empty; sized as {@link NameIndex} sizes its table. */
  private int[] table = new int[capacity(0)];

  private int longestWords = 1;

  /** Adds a place to a folded name; a place must be added to a name at most once. */
  void add(String folded, int place) {
    int id = find(folded);
    if (id < 0) {
      id = newName(folded);
    }
    postPlace.add(place);
    previous.add(last.get(id));
    last.set(id, postPlace.size() - 1);
  }

  int size() {
    return nameStart.size();
  }

  /** The finished index; the builder is spent. */
  NameIndex build() {
    int names = size();
    int posts = postPlace.size();
    // each name's count of places, then where its places start
    int[] postStart = new int[names + 1];
    for (int id = 0; id < names; id++) {
      int n = 0;
      for (int p = last.get(id); p >= 0; p = previous.get(p)) {
        n++;
      }
      postStart[id + 1] = n;
    }
    for (int id = 0; id < names; id++) {
      postStart[id + 1] += postStart[id];
    }
    int[] placesOut = new int[posts];
    for (int id = 0; id < names; id++) {
      // the chain runs from the last added back: fill from the end
      int at = postStart[id + 1];
      for (int p = last.get(id); p >= 0; p = previous.get(p)) {
        placesOut[--at] = postPlace.get(p);
      }
    }
    last.toArray(); // empties the chains, block by block, before the characters are copied
    previous.toArray();
    postPlace.toArray();
    nameStart.add(chars.size());
    int[] starts = nameStart.toArray();
    return new NameIndex(chars.toArray(), starts, postStart, placesOut, table, longestWords);
  }

  private int newName(String folded) {
    int id = size();
    if (capacity(id + 1) > table.length) {
      rehash(capacity(id + 1));
    }
    nameStart.add(chars.size());
    chars.add(folded);
    last.add(-1);
    insert(id, folded.hashCode());
    int words = 1;
    for (int i = 0; i < folded.length(); i++) {
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

  private int end(int id) {
    return id + 1 < nameStart.size() ? nameStart.get(id + 1) : chars.size();
  }

  private boolean matches(int id, String s) {
    int start = nameStart.get(id);
    int length = end(id) - start;
    if (length != s.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars.get(start + k) != s.charAt(k)) {
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
    table = null; // the old table is not needed to rebuild: drop it before allocating the new
    table = new int[capacity];
    for (int id = 0; id < nameStart.size(); id++) {
      int h = 0;
      for (int c = nameStart.get(id), end = end(id); c < end; c++) {
        h = 31 * h + chars.get(c);
      }
      insert(id, h);
    }
  }

  /** The table size {@link NameIndex} uses for this many names. */
  static int capacity(int names) {
    return Integer.highestOneBit(Math.max(4, names * 2 - 1)) << 1;
  }
}
