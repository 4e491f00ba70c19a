package org.conflictmap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * Makes the embedded store's schema migrations all or nothing across a crash. H2 does not roll back
 * schema changes, so a process killed halfway through a migration leaves a file Flyway can never
 * finish ("Duplicate column name …" on every later start). Before migrations run, the guard leaves
 * a way back on the disk, and a later opening takes it when it finds one:
 *
 * <ul>
 *   <li>a store being created gets a marker file first; a marker found on opening means the store
 *       was never complete (no write is acknowledged before its migrations end), so the half-made
 *       file is removed and the store is created again;
 *   <li>an existing store with pending migrations is copied aside first; a copy found on opening
 *       means its migration was cut short, so the copy replaces the file and the migration runs
 *       again.
 * </ul>
 *
 * Both are removed once the migrations have committed. A store with nothing to migrate costs one
 * look at the schema history and no copy.
 */
final class MigrationGuard {
  private final Path file;
  private final Path creating;
  private final Path before;

  /** {@code base} is the H2 database path without its {@code .mv.db} suffix. */
  MigrationGuard(Path base) {
    Path dir = base.getParent();
    String name = base.getFileName().toString();
    this.file = dir.resolve(name + ".mv.db");
    this.creating = dir.resolve(name + ".creating");
    this.before = dir.resolve(name + ".before-migration");
  }

  /**
   * Undoes what a crash during an earlier opening's migrations left, then prepares this opening's:
   * {@code pending} says whether the existing store has migrations to run (asked only when the
   * store exists).
   */
  void beforeMigrating(BooleanSupplier pending) {
    try {
      if (inUse()) {
        // another process has the store open (and may be migrating it): opening will say so
        return;
      }
      if (Files.exists(creating)) {
        Files.deleteIfExists(file);
        Files.delete(creating);
        syncDirectory();
      } else if (Files.exists(before)) {
        Files.move(
            before, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
      }
      if (!Files.exists(file)) {
        Files.createFile(creating);
        syncDirectory();
      } else if (pending.getAsBoolean()) {
        Path partial = before.resolveSibling(before.getFileName() + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        force(partial);
        Files.move(partial, before, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the store's migration in " + file, e);
    }
  }

  /** The migrations have committed: the way back is no longer needed. */
  void migrated() {
    try {
      boolean removed = Files.deleteIfExists(creating) | Files.deleteIfExists(before);
      if (removed) {
        syncDirectory();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot finish the store's migration in " + file, e);
    }
  }

  /** Whether another process holds H2's lock on the file. */
  private boolean inUse() throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        var lock = c.tryLock()) {
      return lock == null;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true;
    }
  }

  private static void force(Path p) throws IOException {
    try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
      c.force(true);
    }
  }

  private void syncDirectory() throws IOException {
    // a rename or a new file is durable once its directory is: Linux opens a directory read-only
    try (FileChannel c = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // some file systems refuse to open a directory as a channel; the rename itself still held
    }
  }
}
