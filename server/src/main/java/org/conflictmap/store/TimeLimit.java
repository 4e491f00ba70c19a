package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A time limit on the statements of one read, after which the database cancels them (SQLSTATE
 * 57014, see {@link StoreException#isQueryTimeout()}). H2 keeps its limit per session, in
 * milliseconds, and its pooled connections keep their sessions, so the limit is set on the
 * connection and taken off again on close; PostgreSQL's JDBC limit is per statement, in seconds.
 */
final class TimeLimit implements AutoCloseable {
  private final Connection c;
  private final boolean h2;
  private final Duration limit;

  private TimeLimit(Connection c, boolean h2, Duration limit) {
    this.c = c;
    this.h2 = h2;
    this.limit = limit;
  }

  static TimeLimit set(Connection c, boolean h2, Duration limit) throws SQLException {
    if (h2) {
      try (Statement s = c.createStatement()) {
        s.execute("SET QUERY_TIMEOUT " + Math.max(1, limit.toMillis()));
      }
    }
    return new TimeLimit(c, h2, limit);
  }

  /** Puts the limit on a statement (PostgreSQL; H2's is already on the session). */
  void apply(PreparedStatement ps) throws SQLException {
    if (!h2) {
      ps.setQueryTimeout((int) Math.max(1, (limit.toMillis() + 999) / 1000));
    }
  }

  @Override
  public void close() throws SQLException {
    if (h2) {
      try (Statement s = c.createStatement()) {
        s.execute("SET QUERY_TIMEOUT 0");
      }
    }
  }
}
