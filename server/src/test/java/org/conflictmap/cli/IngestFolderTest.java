package org.conflictmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.events.EventQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest DIR} on a folder as people keep them: nested, with hidden and foreign files. */
class IngestFolderTest {
  @TempDir Path dir;
  @TempDir Path data;

  @Test
  void aFolderIsWalkedWholeAndWhatIsNotAnArticleIsSkippedOrFailedWithAReason() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "date 2019-08-26\nShelling hit Idlib overnight.\n");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/deeper/b.txt"), "date 2019-08-27\nClashes near Hama.\n");
    Files.writeString(dir.resolve("sub/UPPER.TXT"), "date 2019-08-29\nA protest in Daraa.\n");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "date 2019-08-28\nArtillery shelled Homs.\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(dir.resolve("windows.txt"), withBom);
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/notes.txt"), "Shelling hit Aleppo.");
    Files.writeString(dir.resolve(".draft.txt"), "Shelling hit Raqqa.");
    Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0});
    Files.write(
        dir.resolve("sub/dump.txt"), "Shelling\0hit Latakia".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("sub/huge.txt"), "x".repeat((int) ArticleFiles.MAX_FILE_BYTES + 1));
    Files.createSymbolicLink(dir.resolve("sub/loop"), dir);

    CliTest.Run r = CliTest.run("ingest", dir.toString(), "--data", data.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("4 article(s) added", "2 failed", "4 skipped")
        .contains("dump.txt: Binary file: it contains NUL bytes")
        .contains("huge.txt: File too large")
        .contains(".git: hidden folder")
        .contains(".draft.txt: hidden file")
        .contains("photo.jpg: not a .txt file")
        .contains("loop: a link back to a folder above it");
    try (App.Services s = App.Services.open(Config.defaults().withDataDir(data))) {
      var events = s.events().find(EventQuery.all());
      // the byte-order mark did not hide the date line
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.placeName()).isEqualTo("Homs");
                assertThat(e.eventDate()).isEqualTo(LocalDate.of(2019, 8, 28));
              });
      assertThat(events).noneSatisfy(e -> assertThat(e.placeName()).isIn("Aleppo", "Raqqa"));
    }
  }

  @Test
  void aFolderWithoutArticlesSaysSo() throws Exception {
    Files.writeString(dir.resolve("readme.md"), "nothing here");
    CliTest.Run r = CliTest.run("ingest", dir.toString(), "--data", data.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("0 article(s) added", "1 skipped", "no .txt files found under");
  }
}
