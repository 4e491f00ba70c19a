package org.conflictmap.geoparse;

import java.util.Arrays;

/**
 * A parser's vocabulary: the {@link Word}s of the texts it read last, found by their spelling. News
 * repeats its words from one text to the next, so most words of a text are found here with their
 * forms and facts already worked out.
 *
 * <p>Bounded and lock-free: a fixed table of two-slot sets, where a new word takes the first slot
 * and moves the word there to the second, dropping the one in the second. Threads may race to write
 * a slot; a lost write only costs working a word out again. A vocabulary belongs to one gazetteer,
 * as the facts its words keep come from it.
 */
final class Words {
  private final Word[] slots;

  /** A vocabulary of at most {@code capacity} words, a power of two no less than 2. */
  Words(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2: " + capacity);
    }
    slots = new Word[capacity];
  }

  /** The word spelt so, from the table when it is there, else made and put there. */
  Word of(String text) {
    return of(text.toCharArray(), 0, text.length());
  }

  /**
   * The word spelt as {@code chars[from, to)}, from the table when it is there (compared where it
   * stands, without a copy), else made and put there.
   */
  Word of(char[] chars, int from, int to) {
    int h = 0;
    for (int c = from; c < to; c++) {
      h = 31 * h + chars[c];
    }
    int set = spread(h) & (slots.length - 2);
    Word first = slots[set];
    if (first != null && first.hash == h && spelt(first, chars, from, to)) {
      return first;
    }
    Word second = slots[set + 1];
    if (second != null && second.hash == h && spelt(second, chars, from, to)) {
      return second;
    }
    Word w = new Word(new String(chars, from, to - from));
    slots[set + 1] = first;
    slots[set] = w;
    return w;
  }

  private static boolean spelt(Word w, char[] chars, int from, int to) {
    return w.spelling.length == to - from
        && Arrays.equals(w.spelling, 0, w.spelling.length, chars, from, to);
  }

  /** String hashes of similar words differ in their low bits only a little; mix them. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
