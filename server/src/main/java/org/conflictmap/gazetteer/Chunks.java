package org.conflictmap.gazetteer;

import java.util.Arrays;

/**
 * Growable columns of ints and chars for the builders, kept in blocks of 64 K: growing never copies
 * what is there (an array grown by half holds its old and new copies at once, which for the columns
 * of twelve million places is the difference between fitting a heap and not), and {@code toArray}
 * hands out each block as it copies it into the flat result.
 */
final class Chunks {
  /**
   * Blocks of 64 K elements (256 KB of ints) stay below half of G1's smallest region: a larger
   * block would be a "humongous" object taking whole regions, and a block of exactly 2^n bytes
   * would waste most of its last region on the array header.
   */
  static final int SHIFT = 16;

  static final int BLOCK = 1 << SHIFT;
  static final int MASK = BLOCK - 1;

  private Chunks() {}

  /** A growable int column. */
  static final class Ints {
    private int[][] blocks = new int[64][];
    private int size;

    void add(int v) {
      int b = size >>> SHIFT;
      if (b == blocks.length) {
        blocks = Arrays.copyOf(blocks, b * 2);
      }
      if (blocks[b] == null) {
        blocks[b] = new int[size == 0 ? 1 << 10 : BLOCK];
      } else if ((size & MASK) == blocks[b].length) {
        blocks[b] = Arrays.copyOf(blocks[b], BLOCK); // the small first block, grown once
      }
      blocks[b][size & MASK] = v;
      size++;
    }

    int get(int i) {
      return blocks[i >>> SHIFT][i & MASK];
    }

    void set(int i, int v) {
      blocks[i >>> SHIFT][i & MASK] = v;
    }

    int size() {
      return size;
    }

    /** The values in one array; the column is emptied block by block as they are copied. */
    int[] toArray() {
      int[] out = new int[size];
      for (int b = 0, at = 0; at < size; b++) {
        int n = Math.min(size - at, BLOCK);
        System.arraycopy(blocks[b], 0, out, at, n);
        blocks[b] = null;
        at += n;
      }
      size = 0;
      return out;
    }
  }

  /** A growable char column. */
  static final class Chars {
    private char[][] blocks = new char[64][];
    private int size;

    /** Appends a string's characters. */
    void add(String s) {
      int length = s.length();
      if (size + (long) length > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many characters for one gazetteer column");
      }
      for (int from = 0; from < length; ) {
        int b = size >>> SHIFT;
        if (b == blocks.length) {
          blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
          blocks[b] = new char[BLOCK];
        }
        int n = Math.min(length - from, BLOCK - (size & MASK));
        s.getChars(from, from + n, blocks[b], size & MASK);
        size += n;
        from += n;
      }
    }

    void add(char c) {
      int b = size >>> SHIFT;
      if (b == blocks.length) {
        blocks = Arrays.copyOf(blocks, b * 2);
      }
      if (blocks[b] == null) {
        blocks[b] = new char[BLOCK];
      }
      blocks[b][size & MASK] = c;
      size++;
    }

    char get(int i) {
      return blocks[i >>> SHIFT][i & MASK];
    }

    int size() {
      return size;
    }

    /** The characters in one array; the column is emptied block by block as they are copied. */
    char[] toArray() {
      char[] out = new char[size];
      for (int b = 0, at = 0; at < size; b++) {
        int n = Math.min(size - at, BLOCK);
        System.arraycopy(blocks[b], 0, out, at, n);
        blocks[b] = null;
        at += n;
      }
      size = 0;
      return out;
    }
  }
}
