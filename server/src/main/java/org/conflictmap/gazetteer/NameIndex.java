package org.conflictmap.gazetteer;

import java.util.Arrays;
import java.util.Map;

/**
 * Folded name → place ids, in a few flat arrays instead of a hash map of strings: the bundled
 * gazetteer has about two million names, and a {@code HashMap<String, int[]>} of them costs several
 * times the memory of the characters themselves. The arrays also serialise as they are, which is
 * what makes the cached index in the data directory quick to load (see {@link GazetteerCache}).
 *
 * <p>Names are found through an open-addressing table keyed by {@link String#hashCode()} (which a
 * {@code String} caches), so a lookup hashes nothing it has not hashed before.
 */
final class NameIndex {
  private static final int[] NONE = new int[0];

  /** Every folded name, back to back. */
  final char[] chars;

  /** Name i is {@code chars[nameStart[i] .. nameStart[i + 1])}. */
  final int[] nameStart;

  /** Name i's place ids are {@code posts[postStart[i] .. postStart[i + 1])}. */
  final int[] postStart;

  final int[] posts;
  final int longestNameWords;

  /** Open-addressing table of name id + 1 (0 = empty), size a power of two. */
  final int[] table;

  /**
   * A Bloom filter over the names' hashes, two bits per name in one 64-bit word, about 16 bits per
   * name: a few megabytes that stay in the processor's cache, where the table, the offsets and the
   * characters that a lookup touches do not. Most words a spotter asks about are no name, and the
   * filter says so with one memory read instead of three. Built at load, never stored.
   */
  private final long[] bloom;

  NameIndex(char[] chars, int[] nameStart, int[] postStart, int[] posts) {
    this(chars, nameStart, postStart, posts, null, 0);
  }

  /**
   * From arrays as {@link GazetteerCache} stores them; with {@code table} null (or not of the size
   * this index needs) the hash table and the longest name are computed again.
   */
  NameIndex(
      char[] chars,
      int[] nameStart,
      int[] postStart,
      int[] posts,
      int[] table,
      int longestNameWords) {
    if (nameStart.length != postStart.length
        || nameStart.length == 0
        || nameStart[nameStart.length - 1] != chars.length
        || postStart[postStart.length - 1] != posts.length) {
      throw new IllegalArgumentException("inconsistent name index arrays");
    }
    this.chars = chars;
    this.nameStart = nameStart;
    this.postStart = postStart;
    this.posts = posts;
    int n = size();
    int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    this.bloom = new long[Integer.highestOneBit(Math.max(1, n / 4)) << 1];
    for (int id = 0; id < n; id++) {
      addToBloom(hash(id));
    }
    if (table != null && table.length == capacity && longestNameWords > 0) {
      this.table = table;
      this.longestNameWords = longestNameWords;
      return;
    }
    int[] built = new int[capacity];
    int mask = capacity - 1;
    int longest = 1;
    for (int id = 0; id < n; id++) {
      int slot = spread(hash(id)) & mask;
      while (built[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      built[slot] = id + 1;
      int words = 1;
      for (int c = nameStart[id]; c < nameStart[id + 1]; c++) {
        if (chars[c] == ' ') {
          words++;
        }
      }
      longest = Math.max(longest, words);
    }
    this.table = built;
    this.longestNameWords = longest;
  }

  /** Builds the arrays from a map of folded name → place ids. */
  static NameIndex of(Map<String, int[]> byName) {
    int n = byName.size();
    long totalChars = 0;
    long totalPosts = 0;
    for (Map.Entry<String, int[]> e : byName.entrySet()) {
      totalChars += e.getKey().length();
      totalPosts += e.getValue().length;
    }
    if (totalChars > Integer.MAX_VALUE || totalPosts > Integer.MAX_VALUE) {
      throw new IllegalStateException("too many names for one gazetteer index");
    }
    char[] chars = new char[(int) totalChars];
    int[] posts = new int[(int) totalPosts];
    int[] nameStart = new int[n + 1];
    int[] postStart = new int[n + 1];
    int i = 0;
    int c = 0;
    int p = 0;
    for (Map.Entry<String, int[]> e : byName.entrySet()) {
      String name = e.getKey();
      nameStart[i] = c;
      postStart[i] = p;
      name.getChars(0, name.length(), chars, c);
      c += name.length();
      System.arraycopy(e.getValue(), 0, posts, p, e.getValue().length);
      p += e.getValue().length;
      i++;
    }
    nameStart[n] = c;
    postStart[n] = p;
    return new NameIndex(chars, nameStart, postStart, posts);
  }

  int size() {
    return nameStart.length - 1;
  }

  /** The place ids of a folded name; an empty array if the name is not indexed. */
  int[] ids(String folded) {
    int id = mightContain(folded) ? find(folded) : -1;
    return id < 0 ? NONE : Arrays.copyOfRange(posts, postStart[id], postStart[id + 1]);
  }

  boolean contains(String folded) {
    return mightContain(folded) && find(folded) >= 0;
  }

  private void addToBloom(int hash) {
    long x = hash * 0x9E3779B97F4A7C15L;
    bloom[(int) (x >>> 20) & (bloom.length - 1)] |= (1L << (x >>> 58)) | (1L << (x >>> 52));
  }

  /** False if the name is certainly not indexed; true if it may be. */
  private boolean mightContain(String folded) {
    return mightContainHash(folded.hashCode());
  }

  /**
   * False if no indexed name has this {@link String#hashCode()}, so the name whose hash it is is
   * certainly not indexed; true if it may be.
   */
  boolean mightContainHash(int hash) {
    long x = hash * 0x9E3779B97F4A7C15L;
    long bits = (1L << (x >>> 58)) | (1L << (x >>> 52));
    return (bloom[(int) (x >>> 20) & (bloom.length - 1)] & bits) == bits;
  }

  private int find(String folded) {
    int mask = table.length - 1;
    int slot = spread(folded.hashCode()) & mask;
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
    int len = nameStart[id + 1] - start;
    if (len != s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (chars[start + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The same value {@link String#hashCode()} gives for name id. */
  private int hash(int id) {
    int h = 0;
    for (int c = nameStart[id]; c < nameStart[id + 1]; c++) {
      h = 31 * h + chars[c];
    }
    return h;
  }

  /** String hashes of similar names differ in their low bits only a little; mix them. */
  static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
