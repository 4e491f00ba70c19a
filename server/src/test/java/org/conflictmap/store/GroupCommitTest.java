package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit may share a sync between writers, but never acknowledge a commit before a sync that
 * began after it.
 */
class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void aCommitMadeWhileASyncRunsWaitsForTheNextSync() throws Exception {
    GroupCommit commits = new GroupCommit();
    CountDownLatch firstSyncStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstSync = new CountDownLatch(1);
    List<Long> syncedUpTo = new ArrayList<>();
    long first = commits.committed();
    CompletableFuture<Void> leader =
        CompletableFuture.runAsync(
            () ->
                commits.awaitSynced(
                    first,
                    () -> {
                      firstSyncStarted.countDown();
                      await(releaseFirstSync);
                      synchronized (syncedUpTo) {
                        syncedUpTo.add(first);
                      }
                    }));
    assertThat(firstSyncStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // committed while the leader's sync runs: that sync may not cover it
    long second = commits.committed();
    CompletableFuture<Void> follower =
        CompletableFuture.runAsync(
            () ->
                commits.awaitSynced(
                    second,
                    () -> {
                      synchronized (syncedUpTo) {
                        syncedUpTo.add(second);
                      }
                    }));
    Thread.sleep(100);
    assertThat(follower).as("not acknowledged while only an earlier sync ran").isNotDone();
    releaseFirstSync.countDown();
    leader.get(10, TimeUnit.SECONDS);
    follower.get(10, TimeUnit.SECONDS);
    assertThat(syncedUpTo).containsExactly(first, second);
    assertThat(commits.syncs()).isEqualTo(2);
  }

  @Test
  void writersWaitingTogetherShareOneSync() throws Exception {
    GroupCommit commits = new GroupCommit();
    long a = commits.committed();
    long b = commits.committed();
    long c = commits.committed();
    commits.awaitSynced(c, () -> {});
    // a and b were committed before the sync for c began: it covers them
    commits.awaitSynced(a, () -> {});
    commits.awaitSynced(b, () -> {});
    assertThat(commits.syncs()).isEqualTo(1);
  }

  @Test
  void aReadOnlyTransactionIsNotSyncedAndAWriteIs() {
    try (Database db = Database.embedded(dir)) {
      long before = db.syncs();
      db.inTransaction(
          c -> {
            try (var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM articles")) {
              r.next();
              return r.getLong(1);
            }
          });
      assertThat(db.syncs()).isEqualTo(before);
      new IngestStore(db).save(Fixtures.article("https://a.example/1"), "h1", List.of());
      assertThat(db.syncs()).isEqualTo(before + 1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
