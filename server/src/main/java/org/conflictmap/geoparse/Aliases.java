package org.conflictmap.geoparse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;

/**
 * Short forms the name index cannot hold because their dots, capitals or context make them places:
 * "U.S.", "UK", "Alexandria, Va.", "W.Va.", "European". Read from {@code aliases.txt} and bound to
 * the places of one gazetteer; forms whose place the gazetteer lacks are left out.
 */
final class Aliases {
  /** How a form may be used. */
  enum Use {
    /** Anywhere, exactly as written. */
    NAME,
    /** A state abbreviation: after a comma, or anywhere if it has two dots ("W.Va."). */
    AP,
    /** A word for the people of a place. */
    DEMONYM
  }

  /** A form bound to its place. */
  record Alias(String form, Place place, Use use) {
    /** "W.Va." and "D.C." cannot be read as anything else; "Va." and "Miss." can. */
    boolean unambiguous() {
      return use != Use.AP || form.chars().filter(c -> c == '.').count() >= 2;
    }
  }

  /**
   * Which ASCII first words forms have, by their first two characters (the second 0 for a word of
   * one character): most words begin no form, and this tells so without hashing them.
   */
  private final boolean[] asciiStart = new boolean[128 * 128];

  /** Per ASCII character: a form begins with it, or a postal code can (A to Z). */
  private final boolean[] asciiFirst = new boolean[128];

  /**
   * Forms by their first word, longest form first, as an open-addressing table of first words (a
   * null word is an empty slot): asked at every capitalised word, it compares the word where it
   * stands in the text instead of making its string to hash.
   */
  private final String[] firstWords;

  private final List<List<Alias>> formsByFirstWord;

  /** Every form as written. */
  private final Map<String, Alias> byForm = new HashMap<>();

  /** Two-letter postal codes of US states ("Springfield, IL"), usable only after a comma. */
  private final Map<String, Place> postal = new HashMap<>();

  Aliases(Gazetteer gazetteer) {
    Map<String, List<Alias>> byFirstWord = new HashMap<>();
    for (String[] row : read("aliases.txt")) {
      Optional<Place> place = target(gazetteer, row[1]);
      if (place.isEmpty()) {
        continue;
      }
      Use use = Use.valueOf(row[2].toUpperCase(java.util.Locale.ROOT));
      Alias a = new Alias(row[0], place.get(), use);
      byFirstWord.computeIfAbsent(firstWord(row[0]), k -> new ArrayList<>()).add(a);
      byForm.put(row[0], a);
    }
    for (String first : byFirstWord.keySet()) {
      int start = asciiStart(first);
      if (start >= 0) {
        asciiStart[start] = true;
        asciiFirst[first.charAt(0)] = true;
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      asciiFirst[c] = true;
    }
    for (List<Alias> list : byFirstWord.values()) {
      list.sort(Comparator.comparingInt((Alias a) -> a.form().length()).reversed());
    }
    int capacity = Integer.highestOneBit(Math.max(4, byFirstWord.size() * 2 - 1)) << 1;
    firstWords = new String[capacity];
    List<List<Alias>> forms = new ArrayList<>(Collections.nCopies(capacity, List.of()));
    for (Map.Entry<String, List<Alias>> e : byFirstWord.entrySet()) {
      int slot = slot(e.getKey().hashCode());
      while (firstWords[slot] != null) {
        slot = (slot + 1) & (capacity - 1);
      }
      firstWords[slot] = e.getKey();
      forms.set(slot, List.copyOf(e.getValue()));
    }
    formsByFirstWord = forms;
    for (char a = 'A'; a <= 'Z'; a++) {
      for (char b = 'A'; b <= 'Z'; b++) {
        String code = "" + a + b;
        gazetteer.byKey("admin1:US." + code).ifPresent(p -> postal.put(code, p));
      }
    }
  }

  /**
   * Whether a form, or a postal code, may begin with a word whose first character this is: false
   * for most words, which begin with a small letter.
   */
  boolean mayStartWith(char first) {
    return first >= 0x80 || asciiFirst[first];
  }

  /** The forms that begin with token i of a text, longest first. */
  List<Alias> startingWith(Document doc, int i) {
    char a = doc.firstChar(i);
    char b = doc.length(i) > 1 ? doc.text.charAt(doc.start(i) + 1) : 0;
    if (a < 128 && b < 128 && !asciiStart[a * 128 + b]) {
      return List.of(); // checked in the text, without the token's own string
    }
    int from = doc.start(i);
    int to = doc.end(i);
    int h = 0;
    for (int c = from; c < to; c++) {
      h = 31 * h + doc.text.charAt(c);
    }
    for (int slot = slot(h); ; slot = (slot + 1) & (firstWords.length - 1)) {
      String w = firstWords[slot];
      if (w == null) {
        return List.of();
      }
      if (w.length() == to - from && doc.text.regionMatches(from, w, 0, to - from)) {
        return formsByFirstWord.get(slot);
      }
    }
  }

  private int slot(int hash) {
    hash *= 0x9E3779B9;
    return (hash ^ (hash >>> 16)) & (firstWords.length - 1);
  }

  /** The first two characters of a word as an index into {@link #asciiStart}, or -1. */
  private static int asciiStart(String word) {
    if (word.isEmpty()) {
      return -1;
    }
    char a = word.charAt(0);
    char b = word.length() > 1 ? word.charAt(1) : 0;
    return a < 128 && b < 128 ? a * 128 + b : -1;
  }

  /** The form written exactly so, if any. */
  Optional<Alias> exactly(String form) {
    return Optional.ofNullable(byForm.get(form.strip()));
  }

  /** The US state a two-capital postal code names, if any. */
  Optional<Place> postalCode(String word) {
    return Optional.ofNullable(postal.get(word));
  }

  private static Optional<Place> target(Gazetteer gazetteer, String target) {
    if (target.startsWith("name:")) {
      // the largest non-town of that name: a continent or a world region rather than a hamlet
      return gazetteer.lookupNormalized(Names.normalize(target.substring(5))).stream()
          .filter(p -> p.precision() != Precision.TOWN || !"P".equals(p.featureClass()))
          .max(Comparator.comparingLong(Place::population).thenComparing(Place::key));
    }
    return gazetteer.byKey(target);
  }

  private static String firstWord(String form) {
    int i = 0;
    while (i < form.length() && Tokenizer.isWordChar(form.codePointAt(i))) {
      i += Character.charCount(form.codePointAt(i));
    }
    return form.substring(0, i);
  }

  private static List<String[]> read(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Aliases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing word list " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(resource + ": expected 3 tab-separated columns: " + line);
        }
        rows.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
