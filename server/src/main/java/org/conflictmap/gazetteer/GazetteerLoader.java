package org.conflictmap.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code geodata/places.tsv.gz} (see geodata/README.md for its columns) and builds a {@link
 * Gazetteer}. Adds the JDK's own country names in a few major languages, so "Syrie", "Сирия" and
 * "سوريا" find Syria.
 */
final class GazetteerLoader {
  static final String BUNDLED = "/geodata/places.tsv.gz";

  /** Languages whose country names the JDK adds; the news we read is mostly in these. */
  private static final List<Locale> COUNTRY_NAME_LOCALES =
      List.of(
          Locale.ENGLISH,
          Locale.FRENCH,
          Locale.GERMAN,
          Locale.ITALIAN,
          Locale.forLanguageTag("es"),
          Locale.forLanguageTag("pt"),
          Locale.forLanguageTag("ru"),
          Locale.forLanguageTag("ar"),
          Locale.forLanguageTag("tr"),
          Locale.forLanguageTag("fa"),
          Locale.forLanguageTag("uk"),
          Locale.forLanguageTag("zh"),
          Locale.forLanguageTag("he"));

  private final PlaceTable.Builder places = new PlaceTable.Builder();
  private final NameIndexBuilder names = new NameIndexBuilder();
  private final Map<String, Integer> demonyms = new HashMap<>();

  /** The places that have a demonym, by row: few, and compared when two claim one word. */
  private final Map<Integer, Place> demonymPlaces = new HashMap<>();

  private final Map<String, String> pool = new HashMap<>();

  private GazetteerLoader() {}

  /** Reads a gzipped places file. */
  static Gazetteer load(InputStream gzipped) {
    GazetteerLoader loader = new GazetteerLoader();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          loader.addRow(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    return new Gazetteer(loader.places.build(), loader.names.build(), loader.demonyms);
  }

  private void addRow(String line) {
    String[] f = line.split("\t", -1);
    if (f.length < 13) {
      throw new IllegalArgumentException("gazetteer row with " + f.length + " columns: " + line);
    }
    Place p =
        new Place(
            f[0],
            f[1].isEmpty() ? null : Long.valueOf(f[1]),
            f[2],
            shared(f[9]),
            shared(f[10]),
            shared(f[7]),
            shared(f[8]),
            Double.parseDouble(f[5]),
            Double.parseDouble(f[6]),
            f[11].isEmpty() ? 0 : Long.parseLong(f[11]));
    int id = places.add(p);
    Set<String> names = new HashSet<>();
    names.add(Names.normalize(f[2]));
    names.add(Names.normalize(f[3]));
    if (!f[4].isEmpty()) {
      for (String alt : f[4].split(",")) {
        names.add(Names.normalize(alt));
      }
    }
    if (p.precision() == Precision.COUNTRY) {
      Locale region = new Locale("", p.countryCode());
      for (Locale lang : COUNTRY_NAME_LOCALES) {
        String display = region.getDisplayCountry(lang);
        if (!display.equalsIgnoreCase(p.countryCode())) {
          names.add(Names.normalize(display));
        }
      }
    }
    // countries' peoples ("Syrians") and a few regions' ("Kurdish", "Sicilian")
    for (String demonym : f[12].split(",")) {
      addDemonym(demonym, p, id);
    }
    names.remove("");
    for (String name : names) {
      this.names.add(name, id);
    }
  }

  /** One copy of each country code, admin code and feature code, however many rows repeat it. */
  private String shared(String s) {
    return pool.computeIfAbsent(s, k -> k);
  }

  private void addDemonym(String demonym, Place place, int row) {
    String d = Names.normalize(demonym);
    if (d.isEmpty()) {
      return;
    }
    demonymPlaces.put(row, place);
    putDemonym(d, row);
    // "Syrians", "Russians"; "Chinese", "Turkish", "Swiss" have no plural of their own
    if (!d.endsWith("s") && !d.endsWith("sh") && !d.endsWith("ese") && !d.endsWith("ch")) {
      putDemonym(d + "s", row);
    }
  }

  /**
   * Several countries share some demonyms ("American": the US and the Northern Mariana Islands;
   * "French": France and its overseas regions): the most populous one is what the word means in the
   * news. A country's claim comes before a region's.
   */
  private void putDemonym(String folded, int row) {
    demonyms.merge(folded, row, this::morePeople);
  }

  private int morePeople(int rowA, int rowB) {
    Place a = demonymPlaces.get(rowA);
    Place b = demonymPlaces.get(rowB);
    boolean aCountry = a.precision() == Precision.COUNTRY;
    if (aCountry != (b.precision() == Precision.COUNTRY)) {
      return aCountry ? rowA : rowB;
    }
    return a.population() >= b.population() ? rowA : rowB;
  }
}
