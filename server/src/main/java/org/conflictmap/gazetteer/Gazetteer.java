package org.conflictmap.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory place index: folded name → places, plus countries by ISO code, regions by key and
 * demonyms. Immutable once built; safe to share between threads.
 */
public final class Gazetteer {
  private final PlaceTable places;
  private final NameIndex names;
  private final Map<String, Place> countries;
  private final Map<String, Place> demonyms;

  /** Folded demonym → row, as the cache writes it. */
  private final Map<String, Integer> demonymRows;

  /** The {@link String#hashCode()}s of the folded demonyms, sorted, for {@link #mayNameHash}. */
  private final int[] demonymHashes;

  /**
   * One bit per demonym hash (see {@link #demonymBit}): {@link #mayNameHash} is asked about every
   * run of capitalised words a parser meets, and this answers the usual no with one read of a small
   * table, where the binary search alone took longer than the name index's filter.
   */
  private final long[] demonymBits = new long[DEMONYM_BITS / 64];

  private static final int DEMONYM_BITS = 1 << 15;

  Gazetteer(PlaceTable places, NameIndex names, Map<String, Integer> demonymRows) {
    this.places = places;
    this.names = names;
    this.demonymRows = Map.copyOf(demonymRows);
    Map<String, Place> byDemonym = new HashMap<>();
    demonymRows.forEach((d, row) -> byDemonym.put(d, places.get(row)));
    this.demonyms = Map.copyOf(byDemonym);
    this.demonymHashes = demonyms.keySet().stream().mapToInt(String::hashCode).sorted().toArray();
    for (int hash : demonymHashes) {
      int bit = demonymBit(hash);
      demonymBits[bit >>> 6] |= 1L << bit;
    }
    // a country is a row whose feature code says so: look at the codes once, not at every row
    boolean[] countryCode = new boolean[places.codes.length];
    for (int c = 0; c < countryCode.length; c++) {
      String code = places.codes[c];
      countryCode[c] = code.startsWith("PCL") && !"PCLH".equals(code);
    }
    this.countries = new HashMap<>();
    for (int i = 0; i < places.size(); i++) {
      if (countryCode[places.featureCode[i]]) {
        Place p = places.get(i);
        countries.put(p.countryCode(), p);
      }
    }
  }

  /** The default gazetteer bundled with the app, parsed once per JVM. */
  public static Gazetteer loadDefault() {
    return GazetteerStore.bundled();
  }

  /**
   * The gazetteer a server with this data directory uses: the one imported into it with {@code
   * gazetteer import}, else the bundled one; read from the index cached in the directory when that
   * is current, else parsed and cached. See {@link GazetteerStore}.
   */
  public static Gazetteer open(java.nio.file.Path dataDir) {
    return GazetteerStore.open(dataDir);
  }

  /**
   * Every place with exactly this name once folded (see {@link Names#normalize}); in no particular
   * order.
   */
  public List<Place> lookup(String name) {
    return lookupNormalized(Names.normalize(name));
  }

  /** As {@link #lookup} for a name already folded with {@link Names#normalize}. */
  public List<Place> lookupNormalized(String folded) {
    int[] ids = names.ids(folded);
    List<Place> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(places.get(id));
    }
    return out;
  }

  /** Whether any place has this folded name; cheaper than {@link #lookupNormalized}. */
  public boolean containsNormalized(String folded) {
    return names.contains(folded);
  }

  /**
   * False if no folded place name and no folded demonym has this {@link String#hashCode()}: a
   * parser can then pass over a folded name without building it; true if one may have. Most
   * capitalised runs of words in a text name nothing, and this says so with one memory read.
   */
  public boolean mayNameHash(int hash) {
    return names.mightContainHash(hash) || mayBeDemonymHash(hash);
  }

  private boolean mayBeDemonymHash(int hash) {
    int bit = demonymBit(hash);
    return (demonymBits[bit >>> 6] & (1L << bit)) != 0
        && Arrays.binarySearch(demonymHashes, hash) >= 0;
  }

  private static int demonymBit(int hash) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (DEMONYM_BITS - 1);
  }

  /**
   * The country a demonym or nationality adjective names ("Syrian", "Russians", "Turkish"), or the
   * region for the few peoples of a region ("Kurdish", "Sicilian"), if any.
   */
  public Optional<Place> demonym(String word) {
    return Optional.ofNullable(demonyms.get(Names.normalize(word)));
  }

  /** As {@link #demonym} for a word already folded with {@link Names#normalize}. */
  public Optional<Place> demonymNormalized(String folded) {
    return Optional.ofNullable(demonyms.get(folded));
  }

  public Optional<Place> byKey(String key) {
    int row = places.rowOfKey(key);
    return row < 0 ? Optional.empty() : Optional.of(places.get(row));
  }

  /** The country with this ISO 3166-1 alpha-2 code. */
  public Optional<Place> country(String iso2) {
    return Optional.ofNullable(countries.get(iso2));
  }

  /**
   * The first-level region that contains a place, if the place names one and the gazetteer has it.
   */
  public Optional<Place> region(Place p) {
    return p.admin1Key().isEmpty() ? Optional.empty() : byKey(p.admin1Key());
  }

  /** Most words in any indexed name; the parser need not look at longer spans. */
  public int longestNameWords() {
    return names.longestNameWords;
  }

  /**
   * Every place, in index order; immutable. A place not met before is made as it is read and not
   * kept, so a scan of a large gazetteer costs no memory that stays.
   */
  public List<Place> places() {
    return places.scan();
  }

  public int size() {
    return places.size();
  }

  public int nameCount() {
    return names.size();
  }

  NameIndex names() {
    return names;
  }

  PlaceTable table() {
    return places;
  }

  /** Folded demonym → row of its country (or region), as the cache writes it. */
  Map<String, Integer> demonymRows() {
    return demonymRows;
  }

  /**
   * Candidates for a free-text query ranked by their prior alone (population and kind of place).
   */
  public List<Candidate> search(String query, int limit) {
    return lookup(query).stream()
        .map(p -> new Candidate(p, prior(p)))
        .sorted(Comparator.comparingDouble(Candidate::score).reversed())
        .limit(limit)
        .toList();
  }

  /**
   * How likely a place is to be meant by a bare mention of its name, before any context: bigger
   * places and capitals first, countries above all towns that share their name.
   */
  public static double prior(Place p) {
    double score = Math.log10(p.population() + 10.0);
    String code = p.featureCode();
    if (code.startsWith("PCL")) {
      score += 6;
    } else if ("PPLC".equals(code)) {
      score += 2.5;
    } else if ("PPLA".equals(code)) {
      score += 1.5;
    } else if ("PPLA2".equals(code)) {
      score += 0.7;
    } else if ("ADM1".equals(code)) {
      // a region's population is its towns' sum: weigh it like a large town, not like a country
      score -= 1.0;
    } else if ("ADM2".equals(code)) {
      // a county shares its name with its seat and many towns; "Laurel" alone is rarely the county
      score -= 1.5;
    } else if ("CONT".equals(code)) {
      score += 12; // nothing else called "Europe" or "Africa" is meant in the news
    } else if (p.wellKnownFeature()) {
      // world regions, seas and land forms have no population; they outrank towns of their name
      score += 8;
    } else if (p.minorSettlement()) {
      score -= 1.5;
    }
    return score;
  }
}
