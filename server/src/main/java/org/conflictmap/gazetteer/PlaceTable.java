package org.conflictmap.gazetteer;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every place of a gazetteer in flat columns, about 30 bytes a place plus its name's characters,
 * where a {@code List<Place>} of records with four strings each cost several times that: the full
 * GeoNames dump has twelve million places. A {@link Place} is made only when asked for, and kept
 * (so that a place asked for twice is the same object, as the resolver expects), so memory grows
 * only with the places a server actually meets.
 *
 * <p>Columns: the name's characters in one array; country, admin1, feature class and code as 16-bit
 * indexes into small tables; GeoNames id, latitude and longitude (fixed point, 1e-5 degree, when
 * that is exact) and population as ints. The rare value that does not fit (a latitude with six
 * decimals, a continent's population, an id past 2^31) is kept in a side map. A key is stored only
 * where it is not the GeoNames id written in decimal (countries, regions, continents, airports).
 * The arrays are what {@link GazetteerCache} writes and reads.
 */
final class PlaceTable {
  /** A column value meaning "look in the side map". */
  static final int SIDE = Integer.MIN_VALUE;

  /** A GeoNames id column value meaning "none". */
  static final int NO_ID = -1;

  private static final double SCALE = 1e5;

  final int size;
  final char[] names;
  final int[] nameStart;
  final String[] countries;
  final String[] admin1s;
  final String[] classes;
  final String[] codes;
  final char[] country;
  final char[] admin1;
  final char[] featureClass;
  final char[] featureCode;
  final int[] geonameId;
  final int[] lat;
  final int[] lon;
  final int[] population;

  /** Rows whose key is not their GeoNames id, ascending, and those keys. */
  final int[] keyedRows;

  final String[] keys;

  /** Values that do not fit their int column, by row; see {@link #SIDE}. */
  final Map<Integer, Long> bigIds;

  final Map<Integer, Long> bigPopulations;
  final Map<Integer, double[]> exactPositions;

  /** Rows whose key is their GeoNames id, by GeoNames id (then row), for {@link #rowOfKey}. */
  final int[] byGeonameId;

  private final Map<String, Integer> rowByKey;
  private final AtomicReferenceArray<Place> made;

  PlaceTable(
      char[] names,
      int[] nameStart,
      String[][] tables,
      char[][] codeColumns,
      int[][] numberColumns,
      int[] keyedRows,
      String[] keys,
      Map<Integer, Long> bigIds,
      Map<Integer, Long> bigPopulations,
      Map<Integer, double[]> exactPositions,
      int[] byGeonameId) {
    this.size = nameStart.length - 1;
    this.names = names;
    this.nameStart = nameStart;
    this.countries = tables[0];
    this.admin1s = tables[1];
    this.classes = tables[2];
    this.codes = tables[3];
    this.country = codeColumns[0];
    this.admin1 = codeColumns[1];
    this.featureClass = codeColumns[2];
    this.featureCode = codeColumns[3];
    this.geonameId = numberColumns[0];
    this.lat = numberColumns[1];
    this.lon = numberColumns[2];
    this.population = numberColumns[3];
    this.keyedRows = keyedRows;
    this.keys = keys;
    this.bigIds = Map.copyOf(bigIds);
    this.bigPopulations = Map.copyOf(bigPopulations);
    this.exactPositions = Map.copyOf(exactPositions);
    check();
    this.byGeonameId = byGeonameId == null ? sortByGeonameId() : byGeonameId;
    // the side keys are few (countries, regions, continents, airports): a map is cheap for them
    this.rowByKey = new HashMap<>(keys.length * 2);
    for (int k = 0; k < keys.length; k++) {
      rowByKey.put(keys[k], keyedRows[k]); // a later row with the same key wins, as it always did
    }
    this.made = new AtomicReferenceArray<>(size);
  }

  /** Throws if the columns disagree in length or point outside their tables. */
  private void check() {
    if (size < 0 || nameStart[size] != names.length || keyedRows.length != keys.length) {
      throw new IllegalArgumentException("inconsistent place table");
    }
    for (char[] c : new char[][] {country, admin1, featureClass, featureCode}) {
      if (c.length != size) {
        throw new IllegalArgumentException("inconsistent place table");
      }
    }
    for (int[] c : new int[][] {geonameId, lat, lon, population}) {
      if (c.length != size) {
        throw new IllegalArgumentException("inconsistent place table");
      }
    }
    checkCodes(country, countries);
    checkCodes(admin1, admin1s);
    checkCodes(featureClass, classes);
    checkCodes(featureCode, codes);
    for (int i = 0; i < size; i++) {
      if (nameStart[i] < 0 || nameStart[i] > nameStart[i + 1]) {
        throw new IllegalArgumentException("inconsistent place names");
      }
    }
    for (int k = 0; k < keyedRows.length; k++) {
      if (keyedRows[k] < 0 || keyedRows[k] >= size || k > 0 && keyedRows[k] <= keyedRows[k - 1]) {
        throw new IllegalArgumentException("inconsistent place keys");
      }
    }
  }

  private static void checkCodes(char[] column, String[] table) {
    for (char c : column) {
      if (c >= table.length) {
        throw new IllegalArgumentException("place code out of range");
      }
    }
  }

  int size() {
    return size;
  }

  /** The place of a row, made once and then shared. */
  Place get(int row) {
    Place p = made.get(row);
    if (p == null) {
      Place fresh = make(row);
      p = made.compareAndExchange(row, null, fresh);
      if (p == null) {
        p = fresh;
      }
    }
    return p;
  }

  /** A new {@link Place} from the columns, not kept. */
  Place make(int row) {
    Long id = geonameId(row);
    return new Place(
        key(row, id),
        id,
        new String(names, nameStart[row], nameStart[row + 1] - nameStart[row]),
        countries[country[row]],
        admin1s[admin1[row]],
        classes[featureClass[row]],
        codes[featureCode[row]],
        position(row, 0),
        position(row, 1),
        population[row] == SIDE ? bigPopulations.get(row) : population[row]);
  }

  /** Every place in row order, made as each is read and not kept (for scans of them all). */
  List<Place> scan() {
    return new Scan();
  }

  private final class Scan extends AbstractList<Place> implements RandomAccess {
    @Override
    public Place get(int row) {
      Place p = made.get(row);
      return p != null ? p : make(row);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** The row of a key, or -1. */
  int rowOfKey(String key) {
    Integer row = rowByKey.get(key);
    long id = decimal(key);
    if (id < 0) {
      return row == null ? -1 : row;
    }
    // the last row with this id, as a map filled in row order would have it
    int lo = 0;
    int hi = byGeonameId.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long at = geonameIdValue(byGeonameId[mid]);
      if (at < id) {
        lo = mid + 1;
      } else if (at > id) {
        hi = mid - 1;
      } else {
        found = byGeonameId[mid];
        lo = mid + 1;
      }
    }
    return row == null ? found : Math.max(row, found);
  }

  private Long geonameId(int row) {
    int v = geonameId[row];
    return v == NO_ID ? null : v == SIDE ? bigIds.get(row) : Long.valueOf(v);
  }

  private long geonameIdValue(int row) {
    int v = geonameId[row];
    return v == SIDE ? bigIds.get(row) : v;
  }

  private String key(int row, Long id) {
    int k = Arrays.binarySearch(keyedRows, row);
    return k >= 0 ? keys[k] : Long.toString(id);
  }

  private double position(int row, int axis) {
    int v = axis == 0 ? lat[row] : lon[row];
    return v == SIDE ? exactPositions.get(row)[axis] : v / SCALE;
  }

  /**
   * The value of a key that is a plain decimal number as {@link Long#toString} writes it, or -1.
   */
  static long decimal(String key) {
    int n = key.length();
    if (n == 0 || n > 18 || (key.charAt(0) == '0' && n > 1)) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Rows keyed by their GeoNames id, sorted by id and then row. */
  private int[] sortByGeonameId() {
    int count = size - keyedRows.length;
    long[] packed = new long[count];
    boolean plain = true;
    int n = 0;
    int k = 0;
    for (int row = 0; row < size; row++) {
      if (k < keyedRows.length && keyedRows[k] == row) {
        k++;
        continue;
      }
      int v = geonameId[row];
      plain &= v >= 0;
      packed[n++] = ((long) v << 32) | row;
    }
    if (plain) {
      Arrays.sort(packed);
      int[] rows = new int[count];
      for (int i = 0; i < count; i++) {
        rows[i] = (int) packed[i];
      }
      return rows;
    }
    // ids past 2^31 are rare enough to sort the slow way
    Integer[] rows = new Integer[count];
    for (int i = 0; i < count; i++) {
      rows[i] = (int) packed[i];
    }
    Arrays.sort(
        rows,
        (a, b) -> {
          int c = Long.compare(geonameIdValue(a), geonameIdValue(b));
          return c != 0 ? c : Integer.compare(a, b);
        });
    return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
  }

  /** Collects rows one place at a time into growable columns (see {@link Chunks}). */
  static final class Builder {
    private final Chunks.Chars names = new Chunks.Chars();
    private final Chunks.Ints nameStart = new Chunks.Ints();
    private final Dictionary[] dictionaries = {
      new Dictionary("country"), new Dictionary("admin1"),
      new Dictionary("feature class"), new Dictionary("feature code")
    };
    private final Chunks.Chars[] codeColumns = {
      new Chunks.Chars(), new Chunks.Chars(), new Chunks.Chars(), new Chunks.Chars()
    };
    private final Chunks.Ints[] numberColumns = {
      new Chunks.Ints(), new Chunks.Ints(), new Chunks.Ints(), new Chunks.Ints()
    };
    private final Chunks.Ints keyedRows = new Chunks.Ints();
    private final List<String> keys = new java.util.ArrayList<>();
    private final Map<Integer, Long> bigIds = new HashMap<>();
    private final Map<Integer, Long> bigPopulations = new HashMap<>();
    private final Map<Integer, double[]> exactPositions = new HashMap<>();
    private int size;

    /** Appends a place; returns its row. */
    int add(Place p) {
      int row = size;
      nameStart.add(names.size());
      names.add(p.name());
      String[] small = {p.countryCode(), p.admin1(), p.featureClass(), p.featureCode()};
      for (int c = 0; c < 4; c++) {
        codeColumns[c].add(dictionaries[c].code(small[c]));
      }
      Long id = p.geonameId();
      if (id == null) {
        numberColumns[0].add(NO_ID);
      } else if (id >= 0 && id < Integer.MAX_VALUE) {
        numberColumns[0].add((int) (long) id);
      } else {
        numberColumns[0].add(SIDE);
        bigIds.put(row, id);
      }
      if (id == null || !p.key().equals(Long.toString(id))) {
        keyedRows.add(row);
        keys.add(p.key());
      }
      int fixedLat = fixed(p.lat());
      int fixedLon = fixed(p.lon());
      if (fixedLat == SIDE || fixedLon == SIDE) {
        numberColumns[1].add(SIDE);
        numberColumns[2].add(SIDE);
        exactPositions.put(row, new double[] {p.lat(), p.lon()});
      } else {
        numberColumns[1].add(fixedLat);
        numberColumns[2].add(fixedLon);
      }
      long pop = p.population();
      if (pop > SIDE && pop <= Integer.MAX_VALUE) {
        numberColumns[3].add((int) pop);
      } else {
        numberColumns[3].add(SIDE);
        bigPopulations.put(row, pop);
      }
      size++;
      return row;
    }

    int size() {
      return size;
    }

    /** The table; the builder is spent (each column is handed over as it is copied). */
    PlaceTable build() {
      nameStart.add(names.size());
      char[][] codes = new char[4][];
      int[][] numbers = new int[4][];
      String[][] tables = new String[4][];
      for (int c = 0; c < 4; c++) {
        codes[c] = codeColumns[c].toArray();
        numbers[c] = numberColumns[c].toArray();
        tables[c] = dictionaries[c].values.toArray(String[]::new);
      }
      int[] starts = nameStart.toArray();
      return new PlaceTable(
          names.toArray(),
          starts,
          tables,
          codes,
          numbers,
          keyedRows.toArray(),
          keys.toArray(String[]::new),
          bigIds,
          bigPopulations,
          exactPositions,
          null);
    }

    /** The coordinate in 1e-5 degrees if that gives back exactly this double, else SIDE. */
    private static int fixed(double degrees) {
      if (!(Math.abs(degrees) <= 180)) {
        return SIDE;
      }
      int v = (int) Math.round(degrees * SCALE);
      // v / 1e5 is the double nearest to the decimal, as parsing "36.20124" is; compared bit for
      // bit so that -0.0 keeps its sign
      boolean exact = Double.doubleToRawLongBits(v / SCALE) == Double.doubleToRawLongBits(degrees);
      return exact ? v : SIDE;
    }
  }

  /** Small strings (codes) numbered in the order first met. */
  private static final class Dictionary {
    final String what;
    final Map<String, Character> codes = new HashMap<>();
    final List<String> values = new java.util.ArrayList<>();

    Dictionary(String what) {
      this.what = what;
    }

    char code(String s) {
      Character c = codes.get(s);
      if (c == null) {
        if (values.size() > Character.MAX_VALUE) {
          throw new IllegalStateException("more than 65,536 distinct values of " + what);
        }
        c = (char) values.size();
        codes.put(s, c);
        values.add(s);
      }
      return c;
    }
  }
}
