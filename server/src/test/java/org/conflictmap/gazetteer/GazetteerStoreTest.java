package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index cached in the data directory: used when current, rebuilt when stale or damaged. */
class GazetteerStoreTest {
  private static final String HEADER =
      "#key\tgeonameid\tname\tasciiname\talternatenames\tlat\tlon\tfeature_class\tfeature_code"
          + "\tcountry_code\tadmin1\tpopulation\tdemonyms\n";

  @TempDir Path data;

  @Test
  void theIndexIsWrittenOnceAndReadBackTheSame() throws IOException {
    Gazetteer built = GazetteerStore.open(data, false);
    Path index = GazetteerStore.indexFile(data);
    assertThat(index).isRegularFile();
    FileTime written = Files.getLastModifiedTime(index);
    try (var dir = Files.list(index.getParent())) {
      assertThat(dir).as("no temporary file is left behind").containsExactly(index);
    }

    Gazetteer read = GazetteerStore.open(data, false);
    assertThat(Files.getLastModifiedTime(index)).isEqualTo(written);
    assertThat(read.size()).isEqualTo(built.size());
    assertThat(read.nameCount()).isEqualTo(built.nameCount());
    assertThat(read.longestNameWords()).isEqualTo(built.longestNameWords());
    assertThat(read.lookup("Idlib")).containsExactlyInAnyOrderElementsOf(built.lookup("Idlib"));
    assertThat(read.lookup("W.Va.")).containsExactlyElementsOf(built.lookup("W.Va."));
    assertThat(read.lookup("Сирия")).extracting(Place::key).contains("country:SY");
    assertThat(read.demonym("Syrians")).map(Place::key).contains("country:SY");
    assertThat(read.byKey("admin2:US.KY.125")).isEqualTo(built.byKey("admin2:US.KY.125"));
    assertThat(read.lookup("no such place anywhere")).isEmpty();
  }

  @Test
  void aDamagedOrTruncatedIndexIsRebuilt() throws IOException {
    // a small imported gazetteer keeps the rebuilds quick; the bundled one goes the same way
    writeGzip(
        GazetteerStore.importedFile(data),
        HEADER
            + "7000001\t7000001\tNewtown\tNewtown\tNeuestadt\t10.00000\t20.00000\tP\tPPL\tSY"
            + "\t12\t1500\t\n"
            + "country:SY\t\tSyria\t\tSyrian Arab Republic\t35.00000\t38.00000\tA\tPCLI\tSY"
            + "\t\t17000000\tSyrian\n");
    GazetteerStore.open(data, false);
    Path index = GazetteerStore.indexFile(data);
    byte[] good = Files.readAllBytes(index);

    for (int at = 0; at < good.length; at += 7) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x5A;
      Files.write(index, flipped);
      Gazetteer g = GazetteerStore.open(data, false);
      assertThat(g.lookup("Neuestadt")).as("byte %d flipped", at).hasSize(1);
      assertThat(g.demonym("Syrians")).map(Place::key).contains("country:SY");
      assertThat(Files.readAllBytes(index)).isEqualTo(good);
    }

    Files.write(index, java.util.Arrays.copyOf(good, good.length / 3));
    assertThat(GazetteerStore.open(data, false).lookup("Newtown")).hasSize(1);
    assertThat(Files.readAllBytes(index)).isEqualTo(good);

    Files.writeString(index, "not an index");
    assertThat(GazetteerStore.open(data, false).lookup("Newtown")).hasSize(1);
    assertThat(Files.readAllBytes(index)).isEqualTo(good);
  }

  @Test
  void anIndexOfAnotherSourceIsStaleAndAnImportReplacesTheBundledGazetteer() throws IOException {
    GazetteerStore.open(data, false); // index of the bundled gazetteer
    byte[] bundledIndex = Files.readAllBytes(GazetteerStore.indexFile(data));

    Path imported = GazetteerStore.importedFile(data);
    writeGzip(
        imported,
        HEADER
            + "7000001\t7000001\tNewtown\tNewtown\tNeuestadt\t10.00000\t20.00000\tP\tPPL\tSY\t12"
            + "\t1500\t\n");
    Gazetteer g = GazetteerStore.open(data, false);
    assertThat(g.size()).isEqualTo(1);
    assertThat(g.lookup("Neuestadt")).extracting(Place::key).containsExactly("7000001");
    assertThat(g.lookup("Idlib")).isEmpty();
    assertThat(Files.readAllBytes(GazetteerStore.indexFile(data))).isNotEqualTo(bundledIndex);

    // a new import (another file) makes that index stale in turn
    writeGzip(
        imported,
        HEADER
            + "7000002\t7000002\tOldtown\tOldtown\t\t11.00000\t21.00000\tP\tPPL\tSY\t12\t900\t\n");
    Files.setLastModifiedTime(imported, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(GazetteerStore.open(data, false).lookup("Oldtown")).hasSize(1);
    assertThat(GazetteerStore.open(data, false).lookup("Newtown")).isEmpty();

    // without the import, the bundled gazetteer is back
    Files.delete(imported);
    assertThat(GazetteerStore.open(data, false).lookup("Idlib")).isNotEmpty();
  }

  @Test
  void theCacheRefusesAnotherSourceHash() throws Exception {
    Gazetteer g = Gazetteer.loadDefault();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] hash = new byte[32];
    GazetteerCache.write(g, hash, out);
    byte[] other = new byte[32];
    other[0] = 1;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GazetteerCache.read(out.toByteArray(), other))
        .isInstanceOf(GazetteerCache.Unusable.class)
        .hasMessageContaining("another gazetteer");
    assertThat(GazetteerCache.read(out.toByteArray(), hash).size()).isEqualTo(g.size());
  }

  private static void writeGzip(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
