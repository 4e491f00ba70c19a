package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that waits too long for a row another writer holds fails as a lock conflict (answered
 * 503 with Retry-After, not 500), its change rolled back and the other writer's kept.
 */
class LockConflictTest {
  @TempDir Path dir;

  @Test
  void aWriterThatTimesOutOnAHeldRowIsALockConflictAndChangesNothing() throws Exception {
    try (Database db = Database.embedded(dir)) {
      db.inTransaction(
          c -> {
            c.createStatement().execute("CREATE TABLE lock_probe(id INT PRIMARY KEY, v INT)");
            c.createStatement().execute("INSERT INTO lock_probe VALUES (1, 1)");
            return null;
          });
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () ->
                  db.inTransaction(
                      c -> {
                        c.createStatement().execute("UPDATE lock_probe SET v = 2 WHERE id = 1");
                        held.countDown();
                        try {
                          release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      }));
      holder.start();
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

      StoreException e =
          catchThrowableOfType(
              () ->
                  db.inTransaction(
                      c -> {
                        // shorter than the store's 10 s, so the test need not wait that long
                        c.createStatement().execute("SET LOCK_TIMEOUT 200");
                        try {
                          c.createStatement().execute("UPDATE lock_probe SET v = 3 WHERE id = 1");
                        } finally {
                          c.createStatement().execute("SET LOCK_TIMEOUT 10000");
                        }
                        return null;
                      }),
              StoreException.class);
      assertThat(e).isNotNull();
      assertThat(e.isLockConflict()).isTrue();
      assertThat(e.isQueryTimeout()).isFalse();

      release.countDown();
      holder.join(10_000);
      int v =
          db.inTransaction(
              c -> {
                ResultSet rs =
                    c.createStatement().executeQuery("SELECT v FROM lock_probe WHERE id = 1");
                rs.next();
                return rs.getInt(1);
              });
      assertThat(v).isEqualTo(2);
    }
  }
}
