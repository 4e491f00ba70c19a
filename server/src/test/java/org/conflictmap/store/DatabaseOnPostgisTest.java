package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL shows: jobs exclusive across servers, and a clear word when it is down. */
class DatabaseOnPostgisTest {

  @Test
  void aJobRunsOnceAcrossTwoServersOnOneDatabase() throws Exception {
    String url = Postgis.freshDatabaseUrl();
    try (Database first = Database.connect(url, Postgis.user(), Postgis.password());
        Database second = Database.connect(url, Postgis.user(), Postgis.password())) {
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Optional<String>> held =
          CompletableFuture.supplyAsync(
              () ->
                  first.exclusively(
                      "feed-polling",
                      () -> {
                        running.countDown();
                        await(release);
                        return "first";
                      }));
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

      // the other server skips the round while the first holds it, and runs it afterwards
      assertThat(second.exclusively("feed-polling", () -> "second")).isEmpty();
      assertThat(second.exclusively("another-job", () -> "other")).contains("other");
      release.countDown();
      assertThat(held.get(30, TimeUnit.SECONDS)).contains("first");
      assertThat(second.exclusively("feed-polling", () -> "second")).contains("second");
    }
  }

  @Test
  void twoServersShareOneDataVersionThatMovesWithWritesOnly() {
    String url = Postgis.freshDatabaseUrl();
    try (Database first = Database.connect(url, Postgis.user(), Postgis.password());
        Database second = Database.connect(url, Postgis.user(), Postgis.password())) {
      String start = first.dataVersion();
      assertThat(second.dataVersion()).isEqualTo(start);
      new EventStore(second).count(org.conflictmap.events.EventQuery.all());
      new IngestStore(first).countArticles();
      assertThat(first.dataVersion()).isEqualTo(start);
      assertThat(second.dataVersion()).isEqualTo(start);

      new IngestStore(first)
          .save(
              Fixtures.article("https://example.org/v"),
              "hv",
              java.util.List.of(Fixtures.idlib(java.time.LocalDate.of(2020, 3, 3))));
      String written = second.dataVersion();
      assertThat(written).isNotEqualTo(start).isEqualTo(first.dataVersion());

      assertThatThrownBy(
              () ->
                  second.inTransaction(
                      c -> {
                        try (var ps = c.prepareStatement("DELETE FROM event_sources")) {
                          ps.executeUpdate();
                        }
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(first.dataVersion()).isEqualTo(written);
    }
  }

  @Test
  void anUnreachableServerIsOneClearErrorWithoutThePassword() {
    assertThatThrownBy(
            () ->
                Database.connect(
                    "jdbc:postgresql://127.0.0.1:1/conflictmap?password=hunter2&connectTimeout=2",
                    "nobody",
                    null))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "cannot open the database jdbc:postgresql://127.0.0.1:1/conflictmap:")
        .hasMessageNotContaining("hunter2");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
