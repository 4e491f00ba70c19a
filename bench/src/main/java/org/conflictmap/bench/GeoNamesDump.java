package org.conflictmap.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Writes a synthetic GeoNames dump of any size in GeoNames' own formats: {@code allCountries.txt}
 * (19 tab-separated columns), {@code alternateNamesV2.txt} (10 columns), {@code
 * admin1CodesASCII.txt} and {@code countryInfo.txt}, so that {@code gazetteer import} can be
 * measured at the full size (about 12 million rows) on a machine that cannot download GeoNames.
 *
 * <p>The dump starts with the bundled gazetteer's own countries and first-level regions (under
 * made-up ids, as the bundled file keeps none) and towns (under their real GeoNames ids), so that
 * news texts still resolve; it then fills up with made-up places shaped like GeoNames': about a
 * third populated places, then waters, spots, land forms, areas, regions, vegetation and roads,
 * with names of realistic length that many places share (real town names reused, plus names built
 * from syllables), a few non-Latin and accented names, and on average about 1.25 alternate names
 * per row, mostly in allCountries' own list and all in alternateNamesV2 (with links, postcodes,
 * abbreviations and the short, colloquial and historic flags). The same row count and seed give the
 * same files.
 */
final class GeoNamesDump {
  /** Feature class, its share of GeoNames' rows, and some of its codes (the first most common). */
  private static final String[][] CLASSES = {
    {"P", "0.36", "PPL", "PPL", "PPL", "PPLX", "PPLA3", "PPLA4", "PPLL", "PPLA2", "PPLQ", "PPLH"},
    {"H", "0.19", "STM", "STM", "LK", "RSV", "SPNG", "WLL", "BAY", "STMI"},
    {"S", "0.17", "HTL", "SCH", "CH", "FRM", "BLDG", "MSQE", "HSP", "RSTN"},
    {"T", "0.12", "MT", "HLL", "PK", "VAL", "PASS", "ISL", "CAPE"},
    {"A", "0.05", "ADM4", "ADM3", "ADM3", "ADM2", "ADMD"},
    {"L", "0.05", "PRK", "LCTY", "AREA", "RESF", "OILF"},
    {"V", "0.04", "FRST", "GRSLD", "VIN"},
    {"R", "0.015", "RD", "RDJCT", "TNL"},
    {"U", "0.005", "SMU", "RDGU"},
  };

  private static final double[] SHARES =
      java.util.Arrays.stream(CLASSES).mapToDouble(c -> Double.parseDouble(c[1])).toArray();

  private static final String[] SYLLABLES = {
    "ka", "ma", "ra", "lo", "ne", "ti", "sa", "bu", "dor", "vil", "ham", "ton", "berg", "kir",
    "al", "ja", "bad", "ur", "ist", "an", "gor", "ska", "po", "lje", "mar", "ri", "el", "do",
    "qa", "sh", "ain", "ab", "ke", "ny", "wa", "ze", "hu", "ro", "lin", "field", "wood", "port",
    "stad", "dorf", "ville", "pur", "abad", "kent", "grad", "sk", "ov", "ino", "ia", "ey"
  };

  private static final String[] PREFIXES = {"Nahr ", "Jabal ", "Wadi ", "Lake ", "Mount ", "Bir "};
  private static final String[] SUFFIXES = {" Creek", " Hill", " School", " Farm", " River"};
  private static final String[] LANGS = {
    "", "en", "en", "de", "fr", "es", "ru", "ar", "zh", "it", "pt", "tr", "fa", "link", "post",
    "abbr", "wkdt", "iata"
  };

  record Files4(Path allCountries, Path alternates, Path admin1, Path countryInfo) {}

  record Stats(long rows, long alternateNames, long bundledRows) {}

  private final SplittableRandom random;
  private final List<String> townNames = new ArrayList<>();
  private final List<String[]> countries = new ArrayList<>(); // bundled country rows
  private final List<String[]> regions = new ArrayList<>(); // bundled admin1 rows
  private final List<String[]> towns = new ArrayList<>(); // bundled town rows
  private long alternateId = 1;
  private long alternateCount;

  GeoNamesDump(long seed) throws IOException {
    this.random = new SplittableRandom(seed);
    try (InputStream raw = GeoNamesDump.class.getResourceAsStream("/geodata/places.tsv.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        // the bundled file keeps no GeoNames id for countries and regions: they get made-up ones
        if (f[0].startsWith("country:") && f[0].length() == 10) {
          countries.add(withId(f, 19_000_000 + countries.size()));
        } else if (f[0].startsWith("admin1:") && f[0].charAt(9) == '.') {
          regions.add(withId(f, 19_100_000 + regions.size()));
        } else if (Character.isDigit(f[0].charAt(0)) && "P".equals(f[7])) {
          towns.add(f);
          townNames.add(f[2]);
        }
      }
    }
  }

  private static String[] withId(String[] row, long id) {
    String[] copy = row.clone();
    copy[1] = Long.toString(id);
    return copy;
  }

  /** Writes the four files into {@code dir}; {@code rows} is allCountries' row count. */
  Stats write(Path dir, long rows) throws IOException {
    Files4 files = files(dir);
    writeCountryInfo(files.countryInfo());
    writeAdmin1(files.admin1());
    long bundledRows = 0;
    try (Writer all = writer(files.allCountries());
        Writer alt = writer(files.alternates())) {
      StringBuilder row = new StringBuilder(512);
      for (String[] c : countries) {
        String cc = c[0].substring("country:".length());
        emit(all, alt, row, Long.parseLong(c[1]), c[2], c, "A", "PCLI", cc, "00", "");
        bundledRows++;
      }
      for (String[] a : regions) {
        String code = a[0].substring("admin1:".length());
        String cc = code.substring(0, 2);
        String admin1 = code.substring(3);
        emit(all, alt, row, Long.parseLong(a[1]), a[2], a, "A", "ADM1", cc, admin1, "");
        bundledRows++;
      }
      for (String[] t : towns) {
        if (bundledRows >= rows) {
          break;
        }
        emit(all, alt, row, Long.parseLong(t[1]), t[2], t, "P", t[8], t[9], t[10], "");
        bundledRows++;
      }
      long id = 20_000_000; // above every real GeoNames id the bundled file holds
      for (long i = bundledRows; i < rows; i++) {
        String[] cls = pickClass();
        String code = cls[2 + random.nextInt(cls.length - 2)];
        String[] region = regions.get(random.nextInt(regions.size()));
        String cc = region[0].substring(7, 9);
        String admin1 = region[0].substring(10);
        String admin2 = "ADM2".equals(code) ? Long.toString(id) : "";
        emit(all, alt, row, id++, name(cls[0]), region, cls[0], code, cc, admin1, admin2);
      }
    }
    return new Stats(rows, alternateCount, bundledRows);
  }

  static Files4 files(Path dir) {
    return new Files4(
        dir.resolve("allCountries.txt"),
        dir.resolve("alternateNamesV2.txt"),
        dir.resolve("admin1CodesASCII.txt"),
        dir.resolve("countryInfo.txt"));
  }

  /**
   * One allCountries row and its alternateNamesV2 rows. {@code near} is the bundled row whose
   * position (jittered for made-up places) and, for bundled places, population it takes.
   */
  private void emit(
      Writer all,
      Writer alt,
      StringBuilder row,
      long id,
      String name,
      String[] near,
      String fclass,
      String fcode,
      String cc,
      String admin1,
      String admin2)
      throws IOException {
    boolean bundled = name.equals(near[2]);
    double lat = Double.parseDouble(near[5]);
    double lon = Double.parseDouble(near[6]);
    long population = 0;
    if (bundled) {
      population = near[11].isEmpty() ? 0 : Long.parseLong(near[11]);
    } else {
      lat = clamp(lat + random.nextDouble(-1.5, 1.5), 90);
      lon = clamp(lon + random.nextDouble(-1.5, 1.5), 180);
      if ("P".equals(fclass) && random.nextInt(10) < 3) {
        population = (long) Math.exp(random.nextDouble(3, 11)); // 20 to 60,000, mostly small
      }
    }
    // alternate names: most rows none, big places many
    int alternates = alternateCount(population);
    List<String> columnNames = new ArrayList<>(alternates);
    for (int k = 0; k < alternates; k++) {
      String lang = LANGS[random.nextInt(LANGS.length)];
      String alternate;
      switch (lang) {
        case "link" -> alternate = "https://en.wikipedia.org/wiki/" + name.replace(' ', '_');
        case "post" -> alternate = Integer.toString(10000 + random.nextInt(89999));
        case "abbr", "iata" -> alternate = abbreviation(name);
        case "wkdt" -> alternate = "Q" + (1000 + random.nextInt(9_000_000));
        case "ar" -> alternate = arabic(name);
        case "ru" -> alternate = cyrillic(name);
        default -> alternate = variant(name);
      }
      boolean preferred = random.nextInt(20) == 0;
      boolean shortName = random.nextInt(50) == 0;
      boolean colloquial = random.nextInt(200) == 0;
      boolean historic = random.nextInt(30) == 0;
      row.setLength(0);
      row.append(alternateId++).append('\t').append(id).append('\t').append(lang).append('\t');
      row.append(alternate).append('\t').append(preferred ? "1" : "").append('\t');
      row.append(shortName ? "1" : "").append('\t').append(colloquial ? "1" : "").append('\t');
      row.append(historic ? "1" : "").append("\t\t\n");
      alt.append(row);
      alternateCount++;
      // allCountries' own list leaves out links, postcodes and Wikidata ids
      if (!lang.equals("link") && !lang.equals("post") && !lang.equals("wkdt")) {
        columnNames.add(alternate);
      }
    }
    row.setLength(0);
    row.append(id).append('\t').append(name).append('\t').append(ascii(name)).append('\t');
    for (int k = 0; k < columnNames.size(); k++) {
      row.append(k == 0 ? "" : ",").append(columnNames.get(k));
    }
    row.append('\t');
    fixed5(row, lat).append('\t');
    fixed5(row, lon);
    row.append('\t').append(fclass).append('\t').append(fcode).append('\t').append(cc);
    row.append("\t\t").append(admin1).append('\t').append(admin2).append("\t\t\t");
    row.append(population).append("\t\t").append(random.nextInt(2000)).append('\t');
    row.append("Etc/UTC\t2024-01-01\n");
    all.append(row);
  }

  /** As {@code %.5f} would write it, without the cost of a Formatter per row. */
  private static StringBuilder fixed5(StringBuilder b, double x) {
    long v = Math.round(x * 1e5);
    if (v < 0) {
      b.append('-');
      v = -v;
    }
    b.append(v / 100_000).append('.');
    String frac = Long.toString(v % 100_000);
    for (int pad = frac.length(); pad < 5; pad++) {
      b.append('0');
    }
    return b.append(frac);
  }

  private String[] pickClass() {
    double x = random.nextDouble();
    for (int c = 0; c < CLASSES.length; c++) {
      x -= SHARES[c];
      if (x <= 0) {
        return CLASSES[c];
      }
    }
    return CLASSES[0];
  }

  private int alternateCount(long population) {
    if (population > 100_000) {
      return 8 + random.nextInt(25);
    }
    if (population > 5_000) {
      return 2 + random.nextInt(8);
    }
    int r = random.nextInt(100);
    return r < 50 ? 0 : r < 75 ? 1 : r < 88 ? 2 : 3 + random.nextInt(5);
  }

  /** Names as GeoNames has them: many shared (real town names again), most made of syllables. */
  private String name(String fclass) {
    String base;
    if (random.nextInt(100) < 35) {
      base = townNames.get(random.nextInt(townNames.size()));
    } else {
      StringBuilder b = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (random.nextInt(12) == 0) {
        b.append(random.nextBoolean() ? "é" : "ü");
      }
      b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
      base = b.toString();
    }
    return switch (fclass) {
      case "H", "T" ->
          random.nextBoolean()
              ? PREFIXES[random.nextInt(PREFIXES.length)] + base
              : base + SUFFIXES[random.nextInt(SUFFIXES.length)];
      case "S" -> base + SUFFIXES[random.nextInt(SUFFIXES.length)];
      default -> base;
    };
  }

  private String variant(String name) {
    return switch (random.nextInt(4)) {
      case 0 -> name + "e";
      case 1 -> name.replace('a', 'e');
      case 2 -> "Al " + name;
      default -> name + " " + SYLLABLES[random.nextInt(SYLLABLES.length)];
    };
  }

  private static String abbreviation(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split(" ")) {
      if (!w.isEmpty()) {
        b.append(Character.toUpperCase(w.charAt(0))).append('.');
      }
    }
    return b.append(name.length() % 10).toString();
  }

  private static String arabic(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(name.length(), 12); i++) {
      b.append((char) (0x0627 + (name.charAt(i) % 26)));
    }
    return b.toString();
  }

  private static String cyrillic(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(name.length(), 14); i++) {
      char c = name.charAt(i);
      b.append(c == ' ' ? ' ' : (char) (0x0430 + (c % 32)));
    }
    b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
    return b.toString();
  }

  private static String ascii(String name) {
    return name.replace('é', 'e').replace('ü', 'u');
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

  private void writeCountryInfo(Path file) throws IOException {
    try (Writer w = writer(file)) {
      w.write("# synthetic countryInfo for the bigimport benchmark\n");
      w.write(
          "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent"
              + "\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex"
              + "\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n");
      int n = 0;
      for (String[] c : countries) {
        String cc = c[0].substring("country:".length());
        w.write(
            String.join(
                "\t",
                cc,
                cc + "X",
                Integer.toString(100 + n++),
                cc,
                c[2],
                "",
                "1000",
                c[11],
                "AS",
                "." + cc.toLowerCase(Locale.ROOT),
                "XXX",
                "Unit",
                "1",
                "",
                "",
                "en",
                c[1],
                "",
                ""));
        w.write('\n');
      }
    }
  }

  private void writeAdmin1(Path file) throws IOException {
    try (Writer w = writer(file)) {
      for (String[] a : regions) {
        w.write(a[0].substring("admin1:".length()) + "\t" + a[2] + "\t" + a[3] + "\t" + a[1]);
        w.write('\n');
      }
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
  }
}
