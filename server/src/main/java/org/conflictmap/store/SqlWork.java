package org.conflictmap.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run by {@link Database#inTransaction(SqlWork)}. */
@FunctionalInterface
public interface SqlWork<T> {
  /** Does the work on a connection whose transaction the caller commits or rolls back. */
  T run(Connection connection) throws SQLException;
}
