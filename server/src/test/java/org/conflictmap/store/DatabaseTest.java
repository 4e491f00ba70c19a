package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void reopeningTheSameDataDirKeepsDataAndDoesNotRerunMigrations() {
    Path data = dir.resolve("nested/data");
    try (Database db = Database.embedded(data)) {
      new IngestStore(db)
          .save(
              Fixtures.article("https://example.org/a"),
              "h1",
              List.of(Fixtures.idlib(LocalDate.of(2020, 3, 3))));
    }
    try (Database db = Database.embedded(data)) {
      assertThat(new IngestStore(db).countArticles()).isEqualTo(1);
      assertThat(new EventStore(db).count(org.conflictmap.events.EventQuery.all())).isEqualTo(1);
      List<String> applied =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT \"version\" FROM \"flyway_schema_history\""
                                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
                    var rs = ps.executeQuery()) {
                  List<String> versions = new java.util.ArrayList<>();
                  while (rs.next()) {
                    versions.add(rs.getString(1));
                  }
                  return versions;
                }
              });
      // each migration applied once, though the database was migrated on both opens; other
      // branches add versions, so the known ones are a subsequence, not the whole list
      assertThat(applied)
          .doesNotHaveDuplicates()
          .containsSubsequence(
              "1.0", "1.1", "1.2", "4.0", "6.0", "7.0", "12.0", "12.1", "13.0", "13.10", "25.0");
    }
  }

  @Test
  void aCompactedStoreShrinksAndReopensWithItsData() throws Exception {
    Path data = dir.resolve("compact");
    Path file = data.resolve("conflictmap.mv.db");
    long grown;
    Database db = Database.embedded(data);
    try {
      IngestStore store = new IngestStore(db);
      // many small commits, as a bulk fill makes: each leaves dead chunks behind in the file
      for (int i = 0; i < 300; i++) {
        store.save(
            Fixtures.article("https://example.org/c" + i),
            "c" + i,
            List.of(Fixtures.idlib(LocalDate.of(2020, 3, 1).plusDays(i))));
      }
      db.inTransaction(
          c -> {
            try (var s = c.createStatement()) {
              s.execute("CHECKPOINT SYNC");
            }
            return null;
          });
      grown = java.nio.file.Files.size(file);
    } finally {
      assertThat(db.closeCompacted()).isTrue();
    }
    db.close(); // a second close is harmless
    assertThat(java.nio.file.Files.size(file)).isLessThan(grown);
    try (Database again = Database.embedded(data)) {
      assertThat(new IngestStore(again).countArticles()).isEqualTo(300);
      assertThat(new EventStore(again).count(org.conflictmap.events.EventQuery.all()))
          .isEqualTo(300);
    }
  }

  @Test
  void thePageCacheIsAQuarterOfTheHeapUpTo256Mb() {
    assertThat(Database.pageCacheKb(1L << 30)).isEqualTo(256 * 1024); // 1 GB: 256 MB
    assertThat(Database.pageCacheKb(512L << 20)).isEqualTo(128 * 1024);
    assertThat(Database.pageCacheKb(64L << 20)).isEqualTo(16 * 1024); // H2's own default
    // the import command's: a third of the heap, up to 1 GB
    assertThat(Database.bulkPageCacheKb(6L << 30)).isEqualTo(1024 * 1024);
    assertThat(Database.bulkPageCacheKb(3L << 30)).isEqualTo(1024 * 1024);
    assertThat(Database.bulkPageCacheKb(1L << 30)).isEqualTo((1L << 30) / 3 / 1024);
    assertThat(Database.bulkPageCacheKb(Long.MAX_VALUE)).isEqualTo(1024 * 1024);
    assertThat(Database.bulkPageCacheKb(0)).isEqualTo(1);
    assertThat(Database.pageCacheKb(8L << 30)).isEqualTo(256 * 1024);
    assertThat(Database.pageCacheKb(Long.MAX_VALUE)).isEqualTo(256 * 1024); // no -Xmx limit
    assertThat(Database.pageCacheKb(0)).isEqualTo(1);
  }

  @Test
  void theOpenStoreUsesThatPageCache() {
    try (Database db = Database.embedded(dir)) {
      long kb =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
                    var rs = ps.executeQuery()) {
                  assertThat(rs.next()).isTrue();
                  return Long.parseLong(rs.getString(1));
                }
              });
      // H2 reports the cache in MB
      assertThat(kb).isEqualTo(Database.pageCacheKb(Runtime.getRuntime().maxMemory()) / 1024);
    }
  }

  @Test
  void theDataVersionMovesWithWritesOnly() {
    List<String> seen = new java.util.ArrayList<>();
    try (Database db = Database.embedded(dir)) {
      String start = db.dataVersion();
      seen.add(start);
      new EventStore(db).count(org.conflictmap.events.EventQuery.all());
      new IngestStore(db).countArticles();
      assertThat(db.dataVersion()).isEqualTo(start);

      new IngestStore(db)
          .save(
              Fixtures.article("https://example.org/v"),
              "hv",
              List.of(Fixtures.idlib(LocalDate.of(2020, 3, 3))));
      String written = db.dataVersion();
      assertThat(written).isNotEqualTo(start);
      seen.add(written);

      // a write rolled back changed nothing
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM event_sources")) {
                          ps.executeUpdate();
                        }
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(db.dataVersion()).isEqualTo(written);
    }
    // a reopened store never hands out a version it handed out before
    try (Database db = Database.embedded(dir)) {
      assertThat(db.dataVersion()).isNotIn(seen);
    }
  }

  @Test
  void rollsBackWhenTheWorkThrows() {
    try (Database db = Database.embedded(dir)) {
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        try (PreparedStatement ps =
                            c.prepareStatement(
                                "INSERT INTO articles (title, body, content_hash,"
                                    + " ingested_at) VALUES ('t', 'b', 'h', CURRENT_TIMESTAMP)")) {
                          ps.executeUpdate();
                        }
                        throw new IllegalStateException("boom");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("boom");
      assertThat(new IngestStore(db).countArticles()).isZero();
    }
  }

  @Test
  void sqlErrorsBecomeStoreExceptionsWithTheirState() {
    try (Database db = Database.embedded(dir)) {
      assertThatThrownBy(
              () -> db.inTransaction(c -> c.prepareStatement("SELECT * FROM no_such_table")))
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(((StoreException) e).sqlState()).isPresent());
    }
  }

  @Test
  void refusesUnsupportedUrls() {
    assertThatThrownBy(() -> Database.connect("jdbc:sqlite:x.db", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite");
  }
}
