package org.conflictmap.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * A database failure the caller cannot fix by changing its input: the HTTP layer maps it to a 500.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The SQLSTATE of the underlying SQL error, if there is one. */
  public Optional<String> sqlState() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException e && e.getSQLState() != null) {
        return Optional.of(e.getSQLState());
      }
    }
    return Optional.empty();
  }

  /**
   * True when the database cancelled a statement that ran past its time limit (SQLSTATE 57014 in H2
   * and PostgreSQL alike): the request may succeed later or with a narrower filter.
   */
  public boolean isQueryTimeout() {
    return sqlState().filter("57014"::equals).isPresent();
  }

  /**
   * True when the write waited too long for a lock another writer held, or lost a deadlock or
   * serialisation conflict (H2 HYT00 and 40001; PostgreSQL 55P03, 40P01 and 40001): the transaction
   * was rolled back and the same request may succeed when retried.
   */
  public boolean isLockConflict() {
    return sqlState()
        .filter(s -> Set.of("HYT00", "55P03", "40P01", "40001").contains(s))
        .isPresent();
  }

  /**
   * True when a unique constraint refused the write (SQLSTATE 23505 in H2 and PostgreSQL alike).
   */
  public boolean isUniqueViolation() {
    return sqlState().filter("23505"::equals).isPresent();
  }
}
