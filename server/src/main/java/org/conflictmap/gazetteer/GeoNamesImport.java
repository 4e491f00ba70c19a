package org.conflictmap.gazetteer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns a GeoNames dump into a gazetteer file of the bundled format (geodata/README.md), written
 * into the data directory where {@link GazetteerStore} prefers it to the bundled one.
 *
 * <p>Reads, each plain or zipped: {@code allCountries} (required), {@code alternateNamesV2} or
 * {@code alternateNames} (optional: abbreviations and short and colloquial names), {@code
 * admin1CodesASCII} and {@code countryInfo} (required: they say which rows are the countries and
 * first-level regions). Everything streams: memory holds the small code tables, the few alternate
 * names kept, and one row at a time. The rows the bundled gazetteer adds by hand (continents, world
 * regions, country aliases, AP state abbreviations, demonyms) are merged in, so an import knows
 * everything the bundled file knows.
 *
 * <p>A malformed row is skipped with a warning; a file that is missing, unreadable, or mostly
 * malformed fails the import and leaves the data directory as it was (the result is written to a
 * temporary file and renamed into place only when complete).
 */
public final class GeoNamesImport {
  /** Feature classes kept by default: areas, populated places, regions, waters, land forms. */
  public static final Set<String> DEFAULT_CLASSES = Set.of("A", "P", "L", "H", "T");

  /** More malformed rows than this share of a file (and more than a hundred) fails it. */
  private static final double MAX_BAD_SHARE = 0.01;

  private static final int MAX_BAD_ROWS_TOLERATED = 100;

  private static final int MAX_WARNINGS = 50;

  private final Path dir;
  private final Set<String> classes;
  private final Consumer<String> warn;
  private final Progress progress;
  private int warnings;

  /** Reports how far the import has got through the file it is reading. */
  public interface Progress {
    void at(String file, long bytesRead, long bytesTotal);
  }

  /** What an import did. */
  public record Result(Path file, long places, long skipped, long badRows) {}

  public GeoNamesImport(Path dir, Set<String> classes, Consumer<String> warn, Progress progress) {
    this.dir = dir;
    this.classes = Set.copyOf(classes);
    this.warn = warn;
    this.progress = progress;
  }

  /** Imports the dump into {@code dataDir}; returns what was written. */
  public Result into(Path dataDir) throws IOException {
    Path all = find("allCountries", true);
    Path admin1File = find("admin1CodesASCII", true);
    Path countryFile = find("countryInfo", true);
    Path alternates = find("alternateNamesV2", false);
    if (alternates == null) {
      alternates = find("alternateNames", false);
    }
    Map<String, String> countryById = readCountries(countryFile);
    Map<String, String> admin1ById = readAdmin1(admin1File);
    Bundled bundled = Bundled.read();
    Map<Long, String> extraNames = alternates == null ? Map.of() : readAlternates(alternates);

    Path target = GazetteerStore.importedFile(dataDir);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "import", ".tmp");
    try {
      Result r = writePlaces(all, tmp, countryById, admin1ById, extraNames, bundled);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Result(target, r.places(), r.skipped(), r.badRows());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ------------------------------------------------------------------ the small tables

  /** countryInfo.txt: geonameid → ISO alpha-2. */
  private Map<String, String> readCountries(Path file) throws IOException {
    Map<String, String> byId = new HashMap<>();
    scan(
        file,
        17,
        f -> {
          if (!f[0].matches("[A-Z]{2}") || !digits(f[16])) {
            return false;
          }
          byId.put(f[16], f[0]);
          return true;
        });
    return byId;
  }

  /** admin1CodesASCII.txt: geonameid → "CC.code". */
  private Map<String, String> readAdmin1(Path file) throws IOException {
    Map<String, String> byId = new HashMap<>();
    scan(
        file,
        4,
        f -> {
          if (!f[0].matches("[A-Z]{2}\\..+") || !digits(f[3])) {
            return false;
          }
          byId.put(f[3], f[0]);
          return true;
        });
    return byId;
  }

  /**
   * alternateNames: keeps only what allCountries' own list of names lacks, abbreviations ("U.S.")
   * and English or language-less short and colloquial names; links, postcodes, airport codes and
   * historic names are left out. Held as GeoNames id → the names joined by tabs (which no field
   * holds): a full dump keeps hundreds of thousands of them, and a list per id cost twice as much.
   */
  private Map<Long, String> readAlternates(Path file) throws IOException {
    Map<Long, String> byId = new HashMap<>();
    scan(
        file,
        8,
        f -> {
          if (!digits(f[1]) || f[1].length() > 18) {
            return false;
          }
          String lang = f[2];
          boolean abbr = "abbr".equals(lang);
          boolean wanted =
              abbr
                  || (lang.isEmpty() || "en".equals(lang))
                      && ("1".equals(f[5]) || "1".equals(f[6]));
          if (wanted && !"1".equals(f[7]) && !f[3].isBlank()) {
            byId.merge(Long.valueOf(f[1]), f[3], (a, b) -> a + "\t" + b);
          }
          return true;
        });
    return byId;
  }

  // ------------------------------------------------------------------ the places

  private Result writePlaces(
      Path all,
      Path out,
      Map<String, String> countryById,
      Map<String, String> admin1ById,
      Map<Long, String> extraNames,
      Bundled bundled)
      throws IOException {
    long[] counts = new long[2]; // written, skipped by class
    // only our own keys (country:SY, admin1:SY.12, ...) can repeat: the GeoNames ids, nine in ten
    // keys, are unique and held nowhere, so memory does not grow with the dump
    Set<String> keys = new HashSet<>();
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      w.write(Bundled.HEADER);
      w.write('\n');
      long bad =
          scan(
              all,
              19,
              f -> {
                if (!digits(f[0])) {
                  return false;
                }
                double lat = Double.parseDouble(f[4]);
                double lon = Double.parseDouble(f[5]);
                long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
                if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || population < 0) {
                  return false;
                }
                if (!classes.contains(f[6])) {
                  counts[1]++;
                  return true;
                }
                String key = key(f, countryById, admin1ById, bundled);
                if (!key.equals(f[0]) && !keys.add(key)) {
                  key = f[0]; // a second row with the same codes keeps its own id
                }
                Set<String> names = new LinkedHashSet<>();
                for (String n : f[3].split(",")) {
                  // ASCII names of one or two letters are mostly codes that read as words
                  if (!(n.length() <= 2 && isAscii(n))) {
                    names.add(n);
                  }
                }
                String extra = f[0].length() > 18 ? null : extraNames.get(Long.valueOf(f[0]));
                if (extra != null) {
                  names.addAll(List.of(extra.split("\t")));
                }
                String[] hand = bundled.rows.get(key);
                if (hand != null) {
                  names.add(hand[2]); // "Idlib" beside GeoNames' "Idlib Governorate"
                  if (!hand[4].isEmpty()) {
                    names.addAll(List.of(hand[4].split(",")));
                  }
                }
                names.remove(f[1]);
                names.remove(f[2]);
                String demonyms = hand == null ? "" : hand[12];
                write(
                    w,
                    key,
                    f[0],
                    f[1],
                    f[2],
                    names,
                    lat,
                    f[4],
                    lon,
                    f[5],
                    f[6],
                    f[7],
                    f[8],
                    f[10],
                    population,
                    demonyms);
                counts[0]++;
                return true;
              });
      // rows GeoNames has no row of ours for: world regions, continents and airports (the dump's
      // own airports, if its classes include S, have other keys and names)
      for (Map.Entry<String, String[]> e : bundled.rows.entrySet()) {
        String[] r = e.getValue();
        boolean handWritten =
            e.getKey().startsWith("region:")
                || e.getKey().startsWith("continent:")
                || e.getKey().startsWith("airport:");
        if (handWritten && !keys.contains(e.getKey())) {
          w.write(String.join("\t", r));
          w.write('\n');
          counts[0]++;
        }
      }
      if (counts[0] == 0) {
        throw new IOException(all.getFileName() + " has no place of the classes " + classes);
      }
      return new Result(out, counts[0], counts[1], bad);
    }
  }

  /** Our key scheme: country:XX, admin1:CC.code, admin2:CC.A1.A2, continent:XX, else the id. */
  private static String key(
      String[] f, Map<String, String> countryById, Map<String, String> admin1ById, Bundled b) {
    String id = f[0];
    String code = f[7];
    if (code.startsWith("PCL") || "TERR".equals(code)) {
      String iso = countryById.get(id);
      if (iso != null) {
        return "country:" + iso;
      }
    }
    if ("ADM1".equals(code) && admin1ById.containsKey(id)) {
      return "admin1:" + admin1ById.get(id);
    }
    if ("ADM2".equals(code) && !f[10].isEmpty() && !f[11].isEmpty()) {
      return "admin2:" + f[8] + "." + f[10] + "." + f[11];
    }
    String continent = b.continentById.get(id);
    return continent != null ? continent : id;
  }

  private static void write(
      Writer w,
      String key,
      String id,
      String name,
      String ascii,
      Set<String> alternates,
      double lat,
      String latText,
      double lon,
      String lonText,
      String fclass,
      String fcode,
      String cc,
      String admin1,
      long population,
      String demonyms)
      throws IOException {
    StringBuilder alts = new StringBuilder();
    for (String a : alternates) {
      String clean = field(a).replace(",", " ").trim();
      if (!clean.isEmpty()) {
        if (alts.length() > 0) {
          alts.append(',');
        }
        alts.append(clean);
      }
    }
    w.write(
        String.join(
            "\t",
            key,
            id,
            field(name),
            field(ascii),
            alts,
            degrees(lat, latText),
            degrees(lon, lonText),
            fclass,
            fcode,
            cc,
            admin1,
            Long.toString(population),
            demonyms));
    w.write('\n');
  }

  /**
   * A coordinate as {@code %.5f} writes it. GeoNames writes at most five decimals, and for such a
   * plain decimal that is the text itself padded with zeros: a Formatter per coordinate was a good
   * part of the import's time.
   */
  static String degrees(double value, String text) {
    int n = text.length();
    int start = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    int dot = text.indexOf('.');
    int intEnd = dot < 0 ? n : dot;
    int decimals = dot < 0 ? 0 : n - dot - 1;
    boolean plain =
        intEnd > start
            && intEnd - start <= 3
            && (text.charAt(start) != '0' || intEnd - start == 1)
            && (dot < 0 || decimals >= 1)
            && decimals <= 5;
    for (int i = start; plain && i < n; i++) {
      char c = text.charAt(i);
      plain = c >= '0' && c <= '9' || i == dot;
    }
    if (!plain) {
      return String.format(java.util.Locale.ROOT, "%.5f", value);
    }
    StringBuilder b = new StringBuilder(n + 6).append(text);
    if (dot < 0) {
      b.append('.');
    }
    for (int d = decimals; d < 5; d++) {
      b.append('0');
    }
    return b.toString();
  }

  /** Whether a field is a plain run of ASCII digits (an id). */
  static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String field(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ reading files

  /** A row test: true if the row was used or deliberately passed over, false if malformed. */
  @FunctionalInterface
  private interface Row {
    boolean accept(String[] fields) throws IOException;
  }

  /**
   * Streams the rows of a GeoNames file (comment lines skipped), warning about each malformed row.
   * Fails the file when more than a hundred and more than 1% of its rows are malformed, or when it
   * has no good row at all.
   *
   * @return the number of malformed rows
   */
  private long scan(Path file, int minColumns, Row row) throws IOException {
    long good = 0;
    long bad = 0;
    long lineNo = 0;
    long total = Files.size(file);
    String name = file.getFileName().toString();
    try (CountingStream counted = new CountingStream(Files.newInputStream(file));
        BufferedReader r = reader(file, counted)) {
      String line;
      long lastReport = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        boolean ok;
        try {
          ok = f.length >= minColumns && row.accept(f);
        } catch (NumberFormatException e) {
          ok = false;
        }
        if (ok) {
          good++;
        } else {
          bad++;
          if (warnings++ < MAX_WARNINGS) {
            warn.accept(name + " line " + lineNo + ": malformed row skipped (" + brief(line) + ")");
          } else if (warnings == MAX_WARNINGS + 1) {
            warn.accept("further malformed rows are counted, not shown");
          }
        }
        if (counted.count - lastReport > (1 << 20)) {
          lastReport = counted.count;
          progress.at(name, counted.count, total);
        }
      }
      progress.at(name, total, total);
    } catch (java.io.CharConversionException | java.nio.charset.MalformedInputException e) {
      throw new IOException(name + " is not UTF-8 text (line " + (lineNo + 1) + ")", e);
    } catch (java.util.zip.ZipException e) {
      throw new IOException(name + " is not a readable zip or gzip file: " + e.getMessage(), e);
    }
    if (good == 0) {
      throw new IOException(name + " has no well-formed GeoNames row");
    }
    if (bad > MAX_BAD_ROWS_TOLERATED && bad > MAX_BAD_SHARE * (good + bad)) {
      throw new IOException(
          name
              + ": "
              + bad
              + " of "
              + (good + bad)
              + " rows are malformed; is it a GeoNames file?");
    }
    return bad;
  }

  private static String brief(String line) {
    return line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }

  /** A reader over the file's text: the file itself, its gzip, or the matching entry of its zip. */
  private static BufferedReader reader(Path file, InputStream raw) throws IOException {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    InputStream in = raw;
    if (n.endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(raw);
      String want = n.substring(0, n.length() - 4) + ".txt";
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String entry = e.getName().toLowerCase(java.util.Locale.ROOT);
        if (!e.isDirectory() && (entry.equals(want) || entry.endsWith("/" + want))) {
          break;
        }
      }
      if (e == null) {
        throw new IOException(file.getFileName() + " holds no " + want);
      }
      in = zip;
    } else if (n.endsWith(".gz")) {
      in = new GZIPInputStream(raw, 1 << 16);
    }
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  /** {@code base.txt}, {@code base.zip} or {@code base.txt.gz} in the dump directory. */
  private Path find(String base, boolean required) throws IOException {
    for (String suffix : List.of(".txt", ".zip", ".txt.gz")) {
      Path p = dir.resolve(base + suffix);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    if (required) {
      throw new IOException(
          "no " + base + ".txt or " + base + ".zip in " + dir + " (download it from geonames.org)");
    }
    return null;
  }

  /** Counts the bytes read from the file, for the progress bar. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** The bundled gazetteer's hand-written knowledge, by key. */
  private static final class Bundled {
    static final String HEADER =
        "#key\tgeonameid\tname\tasciiname\talternatenames\tlat\tlon\tfeature_class"
            + "\tfeature_code\tcountry_code\tadmin1\tpopulation\tdemonyms";

    /** Rows of countries, regions, continents and world regions (not towns), by key. */
    final Map<String, String[]> rows = new java.util.TreeMap<>();

    /** GeoNames id → continent:XX. */
    final Map<String, String> continentById = new HashMap<>();

    static Bundled read() throws IOException {
      Bundled b = new Bundled();
      try (InputStream in = Gazetteer.class.getResourceAsStream(GazetteerLoader.BUNDLED)) {
        if (in == null) {
          return b;
        }
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("#") || Character.isDigit(line.charAt(0))) {
            continue; // towns come from the dump itself
          }
          String[] f = line.split("\t", -1);
          if (f.length >= 13 && !f[0].startsWith("admin2:")) {
            b.rows.put(f[0], f);
            if (f[0].startsWith("continent:") && !f[1].isEmpty()) {
              b.continentById.put(f[1], f[0]);
            }
          }
        }
      }
      return b;
    }
  }
}
