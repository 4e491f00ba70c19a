package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request thread may be interrupted in the middle of its JDBC work (Jetty stopping its pool, a
 * cancelled future). With a plain FileChannel the interrupt closes H2's file for every session
 * ("Reading from file failed", ClosedByInterruptException) and the store is broken until restart.
 * The interrupted thread may fail; everyone else, and the reopened store, must not.
 */
class InterruptedWriterTest {
  @TempDir Path dir;

  @Test
  void interruptingAThreadInTheMiddleOfItsWritesLeavesTheStoreWorkingForEveryone()
      throws Exception {
    AtomicInteger acknowledged = new AtomicInteger();
    try (Database db = Database.embedded(dir)) {
      db.inTransaction(
          c -> c.createStatement().execute("CREATE TABLE probe(id INT PRIMARY KEY, body VARCHAR)"));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger next = new AtomicInteger();
      Thread writer =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    int id = next.incrementAndGet();
                    db.inTransaction(
                        c -> {
                          try (PreparedStatement p =
                              c.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
                            p.setInt(1, id);
                            p.setString(2, "x".repeat(2000));
                            return p.executeUpdate();
                          }
                        });
                    acknowledged.incrementAndGet();
                  } catch (RuntimeException e) {
                    // the interrupted writer may fail its own write; that is all it may break
                  }
                  Thread.interrupted();
                }
              });
      writer.start();
      for (int i = 0; i < 200; i++) {
        Thread.sleep(2);
        writer.interrupt();
      }
      running.set(false);
      writer.join(30_000);

      // another thread reads and writes as before
      int rows =
          db.inTransaction(
              c -> count(c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")));
      assertThat(rows).isGreaterThanOrEqualTo(acknowledged.get());
      db.inTransaction(
          c -> c.createStatement().executeUpdate("INSERT INTO probe VALUES (-1, 'after')"));
    }
    try (Database db = Database.embedded(dir)) {
      int rows =
          db.inTransaction(
              c -> count(c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")));
      assertThat(rows)
          .as("every acknowledged write is there after reopening")
          .isGreaterThan(acknowledged.get());
    }
  }

  private static int count(ResultSet r) throws java.sql.SQLException {
    r.next();
    return r.getInt(1);
  }
}
