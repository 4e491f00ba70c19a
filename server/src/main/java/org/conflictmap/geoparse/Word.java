package org.conflictmap.geoparse;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;

/**
 * One word exactly as written, with what the spotter asks about it in every text it occurs in: its
 * lower-case and index forms, the {@link Lexicon} lists it is on, and, worked out on first need,
 * what the gazetteer makes of it. A {@link Words} vocabulary keeps one per word across texts, so a
 * word met before costs one probe instead of a lower-case copy, a fold and several lookups.
 *
 * <p>Thread-safe without locks: the forms are final, and each fact worked out later is written once
 * as a whole value (a reference or a byte); two threads that race to work one out compute the same
 * answer, as {@link String#hashCode()} does.
 */
final class Word {
  final String text;

  /** {@code text}'s characters, for comparing with a text's where they stand. */
  final char[] spelling;

  final int hash;

  /** {@code text} in lower case ({@link Locale#ROOT}). */
  final String lower;

  /** {@code text} in index form ({@link Names#normalize}); the very {@link #lower} for ASCII. */
  final String fold;

  /** 31 to the power of {@link #fold}'s length: what a hash is multiplied by to append it. */
  final int foldShift;

  /** The {@link Lexicon} lists {@link #lower} is on. */
  final int lists;

  /** The word is written in lower case: {@code lower.equals(text)}. */
  final boolean lowerAsWritten;

  /** Facts worked out on first need: 0 not yet, else {@link #NO} or {@link #YES}. */
  private byte named;

  private byte english;
  private static final byte NO = 1;
  private static final byte YES = 2;

  /** Null until worked out. */
  private Optional<Place> demonym;

  private Optional<Place> regionOfPeople;

  Word(String text) {
    this.text = text;
    this.spelling = text.toCharArray();
    this.hash = text.hashCode();
    this.lower = text.toLowerCase(Locale.ROOT);
    // a token is letters, digits and marks only, so in ASCII its index form is its lower case
    this.fold = isAscii(text) ? lower : Names.normalize(text);
    int shift = 1;
    for (int c = 0; c < fold.length(); c++) {
      shift *= 31;
    }
    this.foldShift = shift;
    this.lists = Lexicon.WORDS.lists(lower);
    this.lowerAsWritten = lower.equals(text);
  }

  /** Whether a place of the gazetteer has {@link #fold} for a name. */
  boolean named(Gazetteer gazetteer) {
    byte b = named;
    if (b == 0) {
      b = gazetteer.containsNormalized(fold) ? YES : NO;
      named = b;
    }
    return b == YES;
  }

  /** {@link Gazetteer#demonymNormalized} of {@link #fold}. */
  Optional<Place> demonym(Gazetteer gazetteer) {
    Optional<Place> d = demonym;
    if (d == null) {
      d = gazetteer.demonymNormalized(fold);
      demonym = d;
    }
    return d;
  }

  /** The region whose people the word names ("Ohioans"), as {@code find} tells it from lower. */
  Optional<Place> regionOfPeople(Function<String, Place> find) {
    Optional<Place> r = regionOfPeople;
    if (r == null) {
      r = Optional.ofNullable(find.apply(lower));
      regionOfPeople = r;
    }
    return r;
  }

  /** Whether {@link #lower} is a common English word ({@link WordLists#ENGLISH_WORDS}). */
  boolean english() {
    byte b = english;
    if (b == 0) {
      b = WordLists.ENGLISH_WORDS.contains(lower) ? YES : NO;
      english = b;
    }
    return b == YES;
  }

  private static boolean isAscii(String s) {
    for (int c = 0; c < s.length(); c++) {
      if (s.charAt(c) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
