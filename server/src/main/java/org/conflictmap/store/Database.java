package org.conflictmap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The conflictmap database: migrated on open, handing out one connection per unit of work. Safe for
 * concurrent use; each {@link #inTransaction} call gets its own connection.
 */
public final class Database implements AutoCloseable {

  /** Which SQL dialect the vendor folder of migrations is written for. */
  enum Vendor {
    H2("h2"),
    POSTGRESQL("postgresql");

    final String folder;

    Vendor(String folder) {
      this.folder = folder;
    }

    static Vendor of(String jdbcUrl) {
      String url = jdbcUrl.toLowerCase(Locale.ROOT);
      if (url.startsWith("jdbc:h2:")) {
        return H2;
      }
      if (url.startsWith("jdbc:postgresql:")) {
        return POSTGRESQL;
      }
      throw new IllegalArgumentException(
          "Unsupported database URL (want jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
    }
  }

  /**
   * Jobs running through this Database (one server); other servers are kept out by the database.
   */
  private final Map<String, ReentrantLock> localJobs = new ConcurrentHashMap<>();

  private final Vendor vendor;
  private final ConnectionSource connections;

  /**
   * Embedded H2: fsync the file after every commit, so an acknowledged write survives power loss.
   */
  private volatile boolean syncCommits;

  /** Embedded H2, closed with SHUTDOWN (its own exit hook is off). */
  private volatile boolean embedded;

  private final GroupCommit commits = new GroupCommit();

  /**
   * Embedded H2: how many transactions that wrote have committed since this process opened the
   * file, the only process that can write it. PostgreSQL keeps the count in a sequence instead.
   */
  private final AtomicLong localVersion = new AtomicLong();

  /** A committed write whose version bump failed (PostgreSQL connection lost after the commit). */
  private volatile boolean bumpOwed;

  /**
   * Embedded H2: this opening of the file, so a version handed out before a restart is never handed
   * out again for other data.
   */
  private final String opening =
      Long.toString(System.currentTimeMillis(), 36)
          + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffff, 36);

  private Database(Vendor vendor, ConnectionSource connections) {
    this.vendor = vendor;
    this.connections = connections;
  }

  /**
   * Opens (creating if needed) the H2 file database {@code <dataDir>/conflictmap} and migrates it.
   */
  public static Database embedded(Path dataDir) {
    return embedded(dataDir, pageCacheKb(Runtime.getRuntime().maxMemory()));
  }

  /**
   * Opens the embedded store as {@link #embedded(Path)} does, with a page cache of {@code
   * pageCacheKb} KB: a process that only writes one large batch (the {@code import} command) gives
   * the cache more of its heap, see {@link #bulkPageCacheKb}.
   */
  public static Database embedded(Path dataDir, long pageCacheKb) {
    Path dir = dataDir.toAbsolutePath().normalize();
    // ';' separates settings in an H2 URL, so a path containing one would be misread
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException("Data directory path must not contain ';': " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dir, e);
    }
    // AUTO_SERVER=FALSE: this process owns the file; a second process gets a clear "locked" error.
    // WRITE_DELAY is left at its default (commits stay in memory, written in the background within
    // 500 ms): no write is acknowledged before a CHECKPOINT SYNC, which writes and forces every
    // commit made so far (see awaitDurable and ARCHITECTURE.md, "Durability"). WRITE_DELAY=0 made
    // every transaction's end, reads included, write the file under MVStore's store lock, where it
    // queued behind the fsync of the commit before: one fsync per write, whatever group commit did.
    // async: H2 reads and writes the file through an AsynchronousFileChannel. A plain FileChannel
    // is closed for every session when the thread using it is interrupted (a request thread Jetty
    // interrupts while stopping, a cancelled future): "Reading from file failed", and the store is
    // broken until a restart. force() still reaches the disk, so CHECKPOINT SYNC is as durable.
    // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the store while Jetty still
    // finishes requests after SIGTERM; App.close stops the server first and closes it last.
    // LOCK_TIMEOUT: a writer waits up to 10 s for a row another writer holds (H2 gives up after 2
    // s,
    // which a loaded machine reached); past that the request gets a 503 and may be retried.
    String url =
        "jdbc:h2:async:"
            + dir.resolve("conflictmap")
            + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
            + ";CACHE_SIZE="
            + Math.max(1, pageCacheKb);
    // a crash halfway through a migration must not leave a store that never opens again
    MigrationGuard guard = new MigrationGuard(dir.resolve("conflictmap"));
    guard.beforeMigrating(() -> hasPending(url));
    Database db = connect(url, "sa", "");
    guard.migrated();
    db.syncCommits = true;
    db.embedded = true;
    return db;
  }

  /** The most heap H2's page cache takes, whatever the heap: the working set of a large store. */
  static final long MAX_PAGE_CACHE_KB = 256 * 1024;

  /**
   * H2's page cache (its CACHE_SIZE, in KB) for a JVM whose heap may grow to {@code maxHeapBytes}:
   * a quarter of it, at most {@link #MAX_PAGE_CACHE_KB}. H2's own default is 16 MB, under which a
   * country-sized read of a store of 100,000 events or more is served from the file, not memory.
   */
  static long pageCacheKb(long maxHeapBytes) {
    return Math.max(1, Math.min(MAX_PAGE_CACHE_KB, maxHeapBytes / 4 / 1024));
  }

  /** The most a bulk writer's page cache takes: the working set of a 100,000-row import. */
  static final long MAX_BULK_PAGE_CACHE_KB = 1024 * 1024;

  /**
   * The page cache for a process that writes one large transaction and serves nothing else: a third
   * of the heap (the server keeps a quarter), at most {@link #MAX_BULK_PAGE_CACHE_KB}. Importing
   * 100,000 rows rereads evicted index pages from the file under the server's 256 MB (13% less CPU
   * with 1 GB, see ARCHITECTURE.md).
   */
  public static long bulkPageCacheKb(long maxHeapBytes) {
    return Math.max(1, Math.min(MAX_BULK_PAGE_CACHE_KB, maxHeapBytes / 3 / 1024));
  }

  /** Connects to any supported JDBC URL (H2 or PostgreSQL with PostGIS) and migrates the schema. */
  public static Database connect(String jdbcUrl, String user, String password) {
    Vendor vendor = Vendor.of(jdbcUrl);
    ConnectionSource source =
        vendor == Vendor.H2
            ? new PooledSource(JdbcConnectionPool.create(jdbcUrl, user, password))
            : new PooledSource(postgresPool(jdbcUrl, user, password));
    Database db = new Database(vendor, source);
    try {
      int applied = db.migrate(jdbcUrl, user, password);
      if (vendor == Vendor.H2 && applied > 0) {
        // H2 2.4 keeps the session that created a CHECK ... IN (...) constraint inside it; once the
        // pool closes that connection, every insert the constraint checks fails with "database has
        // been closed" (the soak found it: every zone edit failed 30 s after a first start).
        // Reopening makes H2 read the constraints afresh with its own long-lived session.
        db.close();
        db =
            new Database(
                vendor, new PooledSource(JdbcConnectionPool.create(jdbcUrl, user, password)));
      }
      if (vendor == Vendor.POSTGRESQL) {
        // a server that stopped between a commit and its bump leaves the version behind the data:
        // moving it once on every start makes any tag handed out before stale
        db.bumpVersion();
      }
    } catch (RuntimeException e) {
      db.close();
      if (alreadyOpen(e)) {
        throw new StoreException(
            "the database "
                + jdbcUrl
                + " is already open in another "
                + "process: stop that process or use another data directory",
            e);
      }
      SQLException refused = unreachable(e);
      if (refused != null) {
        throw new StoreException(
            "cannot open the database " + withoutSecrets(jdbcUrl) + ": " + refused.getMessage(), e);
      }
      throw e;
    }
    return db;
  }

  /**
   * PostgreSQL connections are pooled too (H2's small pool takes any {@code
   * ConnectionPoolDataSource}): a new PostgreSQL connection costs a process fork and an
   * authentication round trip, which a unit of work should not pay.
   */
  private static JdbcConnectionPool postgresPool(String jdbcUrl, String user, String password) {
    var ds = new org.postgresql.ds.PGConnectionPoolDataSource();
    ds.setURL(jdbcUrl);
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(16);
    return pool;
  }

  /** H2 refuses a second process on the same file with error 90020. */
  private static boolean alreadyOpen(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
        return true;
      }
    }
    return false;
  }

  /**
   * A connection that could not be made at all (SQL state class 08: connection exception, 28:
   * invalid authorization, 3D: no such database), as opposed to a fault in a migration.
   */
  private static SQLException unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08")
              || sql.getSQLState().startsWith("28")
              || sql.getSQLState().startsWith("3D"))) {
        return sql;
      }
    }
    return null;
  }

  /** The URL without its query string, where a password may be. */
  static String withoutSecrets(String jdbcUrl) {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Vendor vendor) {
    return Flyway.configure()
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder)
        .validateMigrationNaming(true)
        // Features land in parallel with reserved version ranges (4.x zones, 6.x events, 7.x
        // feeds); a store migrated before a lower-numbered feature landed still takes it.
        .outOfOrder(true);
  }

  /**
   * Whether the embedded store at {@code url} has migrations to run; false when it cannot be read
   * (locked by another process, say), which opening it then reports.
   */
  private static boolean hasPending(String url) {
    try {
      return flyway(Vendor.H2).dataSource(url, "sa", "").load().info().pending().length > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Applies pending migrations; returns how many. */
  private int migrate(String jdbcUrl, String user, String password) {
    var config = flyway(vendor);
    // migrate an H2 database through the pool, so the file is opened once and stays open afterwards
    if (connections instanceof PooledSource pooled) {
      config.dataSource(pooled.pool());
    } else {
      config.dataSource(jdbcUrl, user, password);
    }
    return config.load().migrate().migrationsExecuted;
  }

  /**
   * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws
   * anything. SQL errors come out as {@link StoreException}; unchecked exceptions thrown by {@code
   * work} pass through unchanged. Returns once the commit is on the disk (see {@link
   * #awaitDurable}).
   */
  public <T> T inTransaction(SqlWork<T> work) {
    Committed<T> done = commit(work);
    awaitDurable(done.ticket());
    return done.value();
  }

  /** What a transaction returned, and the ticket to wait on before acknowledging it. */
  public record Committed<T>(T value, long ticket) {}

  /**
   * Runs {@code work} in one transaction as {@link #inTransaction} does, but returns as soon as it
   * is committed, before it is forced to the disk: a caller that serialises its writers releases
   * its lock first and then calls {@link #awaitDurable} with the ticket, so the sync of one writer
   * does not hold up the next. Nothing may be acknowledged before that call returns.
   */
  public <T> Committed<T> commit(SqlWork<T> work) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      boolean changed;
      Committed<T> done;
      try {
        T result = work.run(c);
        changed = changedAnything(c);
        c.commit();
        done = new Committed<>(result, changed && syncCommits ? commits.committed() : 0);
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
      if (changed) {
        // after the commit, never before: a reader reads the version first and the data second,
        // so a tag it hands out is never newer than the data it sent with it
        try {
          bumpVersion(c);
        } catch (SQLException e) {
          // the write is committed and must be acknowledged; the next read of the version retries
          bumpOwed = true;
        }
      }
      return done;
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  /**
   * Returns once the commit with this ticket is forced to the disk. Group commit: concurrent
   * writers share one CHECKPOINT SYNC, each released only by a sync that began after its commit
   * returned. Ticket 0 (nothing written, or a server database that syncs its own commits) returns
   * at once.
   */
  public void awaitDurable(long ticket) {
    if (ticket == 0) {
      return;
    }
    commits.awaitSynced(ticket, this::sync);
  }

  /** How many syncs have run; tests see group commit and read-only transactions by it. */
  long syncs() {
    return commits.syncs();
  }

  /**
   * Whether the transaction on {@code c} changed anything: a read needs no sync and leaves the data
   * version alone. H2's session says so; PostgreSQL assigns a transaction id only to a transaction
   * that writes. If neither can tell, assume it wrote.
   */
  private boolean changedAnything(Connection c) {
    if (vendor == Vendor.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement("SELECT txid_current_if_assigned()");
          ResultSet rs = ps.executeQuery()) {
        return !rs.next() || rs.getObject(1) != null;
      } catch (SQLException e) {
        return true;
      }
    }
    try {
      return !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s)
          || s.hasPendingTransaction();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * The version of everything stored: it moves with every committed write (through any server on
   * the same PostgreSQL database) and with nothing else, so a client holding an answer tagged with
   * it may reuse that answer while it stays the same. Read it before reading the data it tags.
   */
  public String dataVersion() {
    if (bumpOwed) {
      bumpOwed = false;
      try {
        bumpVersion();
      } catch (StoreException e) {
        bumpOwed = true;
        throw e;
      }
    }
    if (vendor != Vendor.POSTGRESQL) {
      return opening + "." + localVersion.get();
    }
    try (Connection c = connections.open();
        PreparedStatement ps =
            c.prepareStatement("SELECT last_value, is_called FROM data_version");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(2) ? Long.toString(rs.getLong(1)) : "0";
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  private void bumpVersion() {
    try (Connection c = connections.open()) {
      bumpVersion(c);
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  /** Moves the data version on; a PostgreSQL sequence is outside transactions, so this is final. */
  private void bumpVersion(Connection c) throws SQLException {
    if (vendor != Vendor.POSTGRESQL) {
      localVersion.incrementAndGet();
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('data_version')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  /**
   * H2's MVStore keeps commits in memory and never fsyncs on its own; CHECKPOINT SYNC writes every
   * commit so far to the file (MVStore commit) and forces it to the disk, every session's alike.
   */
  private void sync() {
    try (Connection c = connections.open();
        var s = c.createStatement()) {
      s.execute("CHECKPOINT SYNC");
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Runs {@code work} unless the same job is running already, in this process or, on PostgreSQL, in
   * any server on the same database (a session-level advisory lock, released when the work ends or
   * its connection drops): a scheduled job such as feed polling runs once across instances.
   *
   * @return the work's result, or empty when another runner holds the job
   */
  public <T> Optional<T> exclusively(String job, Supplier<T> work) {
    ReentrantLock local = localJobs.computeIfAbsent(job, j -> new ReentrantLock());
    if (!local.tryLock()) {
      return Optional.empty();
    }
    try {
      if (vendor != Vendor.POSTGRESQL) {
        return Optional.ofNullable(work.get());
      }
      try (Connection c = connections.open();
          PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        // String.hashCode is fixed by the language, so every instance derives the same key
        lock.setLong(1, job.hashCode());
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next() || !rs.getBoolean(1)) {
            return Optional.empty();
          }
        }
        try {
          return Optional.ofNullable(work.get());
        } finally {
          try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, job.hashCode());
            unlock.execute();
          }
        }
      } catch (SQLException e) {
        throw new StoreException("Database error: " + e.getMessage(), e);
      }
    } finally {
      local.unlock();
    }
  }

  /** Whether this is H2 (else PostgreSQL), for the few statements the two spell differently. */
  boolean isH2() {
    return vendor == Vendor.H2;
  }

  /** Closes the pool; for an embedded database this closes the file too. */
  @Override
  public void close() {
    shutdown("SHUTDOWN");
  }

  /**
   * Closes like {@link #close}, but an embedded file is first rewritten compactly ({@code SHUTDOWN
   * COMPACT}): a bulk fill leaves H2's file mostly dead chunks (a store of 100,000 generated events
   * was 795 MB, 101 MB compacted), which readers then page through and H2's background compaction
   * rewrites while they read. Takes seconds per 100,000 events; PostgreSQL is only closed. Returns
   * true when the file was compacted.
   */
  public boolean closeCompacted() {
    return shutdown("SHUTDOWN COMPACT");
  }

  private boolean shutdown(String statement) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    boolean done = false;
    if (embedded) {
      // every commit to the file, then the file closed, before the pool lets go of it
      try (Connection c = connections.open();
          var s = c.createStatement()) {
        s.execute(statement);
        done = statement.endsWith("COMPACT");
      } catch (SQLException e) {
        // closed already, or broken: disposing the pool below is all that is left
      }
    }
    connections.close();
    return done;
  }

  /** Closed once: a second close (the command's, then its services') does nothing. */
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Where connections come from: H2's small pool, or the driver for every unit of work. */
  private interface ConnectionSource extends AutoCloseable {
    Connection open() throws SQLException;

    @Override
    default void close() {}
  }

  private record PooledSource(JdbcConnectionPool pool) implements ConnectionSource {
    @Override
    public Connection open() throws SQLException {
      return pool.getConnection();
    }

    @Override
    public void close() {
      pool.dispose();
    }
  }
}
