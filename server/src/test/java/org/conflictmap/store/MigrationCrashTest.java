package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.EventQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 keeps schema changes a crash cut short, so a store killed halfway through a migration would
 * never open again. Each test first shows that the damaged store alone does not open, then that
 * what {@link MigrationGuard} leaves on the disk before migrating brings it back.
 */
class MigrationCrashTest {
  @TempDir Path dir;

  private static Connection raw(Path data) throws Exception {
    return DriverManager.getConnection("jdbc:h2:" + data.resolve("conflictmap"), "sa", "");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void oneReport(Database db, String url) {
    new IngestStore(db)
        .save(Fixtures.article(url), "h1", List.of(Fixtures.idlib(LocalDate.of(2020, 3, 3))));
  }

  @Test
  void aStoreKilledWhileBeingCreatedIsCreatedAfresh() throws Exception {
    Path data = dir.resolve("new");
    Files.createDirectories(data);
    // the first migration's tables half made, as a kill during the first start leaves them
    try (Connection c = raw(data);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE articles (id BIGINT PRIMARY KEY)");
    }
    Path bare = dir.resolve("bare");
    copyTree(data, bare);
    assertThatThrownBy(() -> Database.embedded(bare).close()).isInstanceOf(RuntimeException.class);

    Files.createFile(data.resolve("conflictmap.creating"));
    try (Database db = Database.embedded(data)) {
      oneReport(db, "https://example.org/after");
      assertThat(new EventStore(db).count(EventQuery.all())).isEqualTo(1);
    }
    assertThat(data.resolve("conflictmap.creating")).doesNotExist();
  }

  @Test
  void aMigrationKilledHalfwayIsUndoneAndRunAgainWithTheDataKept() throws Exception {
    Path data = dir.resolve("old");
    try (Database db = Database.embedded(data)) {
      oneReport(db, "https://example.org/kept");
    }
    assertThat(data.resolve("conflictmap.before-migration")).doesNotExist();
    // what the guard copies aside before running a pending migration
    Files.copy(data.resolve("conflictmap.mv.db"), data.resolve("conflictmap.before-migration"));
    // then the crash: the newest migration's changes made, its history row never written
    try (Connection c = raw(data);
        var s = c.createStatement()) {
      s.execute(
          "DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" ="
              + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
    }
    Path bare = dir.resolve("bare");
    copyTree(data, bare);
    Files.delete(bare.resolve("conflictmap.before-migration"));
    assertThatThrownBy(() -> Database.embedded(bare).close()).isInstanceOf(RuntimeException.class);

    try (Database db = Database.embedded(data)) {
      assertThat(new IngestStore(db).countArticles()).isEqualTo(1);
      assertThat(new EventStore(db).count(EventQuery.all())).isEqualTo(1);
    }
    assertThat(data.resolve("conflictmap.before-migration")).doesNotExist();
    try (Database db = Database.embedded(data)) {
      assertThat(new IngestStore(db).countArticles()).isEqualTo(1);
    }
  }

  @Test
  void aSuccessfulOpeningLeavesNoWayBackBehind() throws Exception {
    Path data = dir.resolve("steady");
    Database.embedded(data).close();
    try (Database db = Database.embedded(data)) {
      try (var files = Files.list(data)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.contains("before-migration") || n.endsWith(".creating"));
      }
    }
  }
}
