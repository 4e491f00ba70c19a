package org.conflictmap.feeds;

/**
 * A feed that could not be fetched or read. The message is one line a person can act on; it is
 * stored as the feed's last error and shown at {@code GET /api/feeds}.
 */
public final class FeedException extends Exception {

  /** Why the feed failed, so callers and the API can tell a slow server from a broken document. */
  public enum Reason {
    /** Unreachable host, refused connection, reset. */
    NETWORK,
    /** No complete answer within the time allowed. */
    TIMEOUT,
    /** Body larger than the cap. */
    TOO_LARGE,
    /** An HTTP status other than 200 or 304, or too many redirects. */
    HTTP,
    /** Not well-formed XML, or XML that is not RSS or Atom. */
    MALFORMED,
    /** Refused on purpose: a DTD or entity declaration, a scheme other than http(s). */
    REFUSED
  }

  private final Reason reason;

  public FeedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FeedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
