package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The gazetteer's flat storage: places in columns ({@link PlaceTable}), names indexed without a map
 * of strings ({@link NameIndexBuilder}), both through the cache file and back, against what the
 * list of records and the map of names they replaced gave.
 */
class PlaceTableTest {

  /** The bundled rows as the loader read them into records before the columns. */
  private static List<Place> bundledRecords() throws Exception {
    List<Place> places = new ArrayList<>();
    try (var in = Gazetteer.class.getResourceAsStream(GazetteerLoader.BUNDLED);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        places.add(
            new Place(
                f[0],
                f[1].isEmpty() ? null : Long.valueOf(f[1]),
                f[2],
                f[9],
                f[10],
                f[7],
                f[8],
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                f[11].isEmpty() ? 0 : Long.parseLong(f[11])));
      }
    }
    return places;
  }

  @Test
  void everyBundledPlaceReadsBackAsItsRowSaysBeforeAndAfterTheCache() throws Exception {
    List<Place> records = bundledRecords();
    Gazetteer g = Gazetteer.loadDefault();
    Gazetteer cached = throughCache(g);
    Map<String, Place> lastByKey = new HashMap<>();
    for (Place p : records) {
      lastByKey.put(p.key(), p);
    }
    for (Gazetteer each : List.of(g, cached)) {
      assertThat(each.size()).isEqualTo(records.size());
      List<Place> places = each.places();
      for (int i = 0; i < records.size(); i++) {
        assertThat(places.get(i)).isEqualTo(records.get(i));
      }
      lastByKey.forEach((key, p) -> assertThat(each.byKey(key)).as(key).contains(p));
      assertThat(each.byKey("no:such")).isEmpty();
      assertThat(each.byKey("99999999999")).isEmpty();
      assertThat(each.country("SY").orElseThrow().name()).isEqualTo("Syria");
      assertThat(each.demonym("Kurdish")).isEqualTo(g.demonym("Kurdish"));
    }
  }

  @Test
  void aPlaceAskedForTwiceIsTheSameObject() {
    Gazetteer g = Gazetteer.loadDefault();
    List<Place> first = g.lookup("Idlib");
    List<Place> again = g.lookup("Idleb");
    // the town is found by both spellings (the governorate by the first only)
    Place town = g.byKey("169389").orElseThrow();
    assertThat(first).anySatisfy(p -> assertThat(p).isSameAs(town));
    assertThat(again).anySatisfy(p -> assertThat(p).isSameAs(town));
    for (Place p : first) {
      assertThat(g.byKey(p.key()).orElseThrow()).isSameAs(p);
      assertThat(g.lookup("Idlib")).anySatisfy(q -> assertThat(q).isSameAs(p));
    }
  }

  @Test
  void theCachedIndexFindsEveryNameTheBuiltOneFinds() throws Exception {
    Gazetteer g = Gazetteer.loadDefault();
    Gazetteer cached = throughCache(g);
    NameIndex built = g.names();
    NameIndex read = cached.names();
    assertThat(read.size()).isEqualTo(built.size());
    assertThat(read.longestNameWords).isEqualTo(built.longestNameWords);
    for (int id = 0; id < built.size(); id++) {
      String name =
          new String(
              built.chars, built.nameStart[id], built.nameStart[id + 1] - built.nameStart[id]);
      assertThat(read.ids(name)).as(name).isEqualTo(built.ids(name));
    }
  }

  @Test
  void theBuilderIndexesAsAMapOfNamesDid() {
    // random names, many shared, enough to make the builder's table grow several times and its
    // columns fill several blocks
    SplittableRandom random = new SplittableRandom(7);
    Map<String, List<Integer>> expected = new LinkedHashMap<>();
    NameIndexBuilder builder = new NameIndexBuilder();
    for (int place = 0; place < 60_000; place++) {
      int names = 1 + random.nextInt(3);
      List<String> seen = new ArrayList<>();
      for (int k = 0; k < names; k++) {
        String name = "n" + random.nextInt(90_000) + (random.nextInt(10) == 0 ? " al sham x" : "");
        if (!seen.contains(name)) {
          seen.add(name);
          builder.add(name, place);
          expected.computeIfAbsent(name, n -> new ArrayList<>()).add(place);
        }
      }
    }
    Map<String, int[]> asArrays = new HashMap<>();
    expected.forEach((n, ids) -> asArrays.put(n, ids.stream().mapToInt(i -> i).toArray()));
    NameIndex fromMap = NameIndex.of(asArrays);
    NameIndex built = builder.build();
    assertThat(built.size()).isEqualTo(expected.size());
    assertThat(built.chars.length).as("characters over several blocks").isGreaterThan(Chunks.BLOCK);
    assertThat(built.posts.length).as("places over several blocks").isGreaterThan(Chunks.BLOCK);
    assertThat(built.longestNameWords).isEqualTo(fromMap.longestNameWords).isEqualTo(4);
    for (Map.Entry<String, int[]> e : asArrays.entrySet()) {
      assertThat(built.ids(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(built.contains(e.getKey())).isTrue();
    }
    assertThat(built.ids("n90000")).isEmpty();
    assertThat(built.contains("n")).isFalse();
  }

  @Test
  void valuesThatDoNotFitTheirColumnSurviveTheColumnsAndTheCache() throws Exception {
    List<Place> odd =
        List.of(
            new Place("7", 7L, "Zero", "SY", "12", "P", "PPL", -0.0, 0.0, 0),
            new Place("8", 8L, "Precise", "SY", "", "P", "PPL", 35.1234567, -120.000001, 12),
            new Place(
                "continent:AS", 6255147L, "Asia", "", "", "L", "CONT", 29.8, 94.2, 4_700_000_000L),
            new Place("region:x", null, "Nowhere Sea", "", "", "H", "SEA", 1, 2, 0),
            new Place("3000000000", 3_000_000_000L, "Far Id", "TR", "34", "P", "PPL", 41, 29, 1),
            new Place("42", 9L, "Odd Key", "IQ", "", "P", "PPL", 33.3, 44.4, 5),
            new Place("42", 42L, "Numbered", "IQ", "", "P", "PPL", 33.3, 44.4, 5),
            new Place("country:SY", null, "Syria", "SY", "", "A", "PCLI", 35, 38, 17_000_000),
            new Place("country:SY", 163843L, "Syria again", "SY", "", "A", "PCLI", 35, 38, 1),
            new Place("9", 9L, "Nine", "IQ", "", "P", "PPL", 90, 180, -3));
    PlaceTable.Builder b = new PlaceTable.Builder();
    NameIndexBuilder names = new NameIndexBuilder();
    for (Place p : odd) {
      int row = b.add(p);
      names.add(Names.normalize(p.name()), row);
    }
    Gazetteer g = new Gazetteer(b.build(), names.build(), Map.of("syrians", 7));
    for (Gazetteer each : List.of(g, throughCache(g))) {
      assertThat(each.places()).containsExactlyElementsOf(odd);
      assertThat(Double.doubleToRawLongBits(each.places().get(0).lat()))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      // a key seen twice is the later row's, as a map filled in order had it
      assertThat(each.byKey("country:SY").orElseThrow().name()).isEqualTo("Syria again");
      assertThat(each.byKey("42").orElseThrow().name()).isEqualTo("Numbered");
      assertThat(each.byKey("9").orElseThrow().name()).isEqualTo("Nine");
      assertThat(each.byKey("3000000000").orElseThrow().name()).isEqualTo("Far Id");
      assertThat(each.byKey("007")).isEmpty();
      assertThat(each.lookup("Asia")).extracting(Place::population).containsExactly(4_700_000_000L);
      assertThat(each.demonym("Syrians").orElseThrow().name()).isEqualTo("Syria");
      assertThat(each.country("SY").orElseThrow().name()).isEqualTo("Syria again");
    }
  }

  private static Gazetteer throughCache(Gazetteer g) throws Exception {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GazetteerCache.write(g, hash, out);
    return GazetteerCache.read(out.toByteArray(), hash);
  }
}
