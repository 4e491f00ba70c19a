package org.conflictmap.problem;

import java.time.Duration;

/**
 * The server is doing as much of this kind of work as it safely can and the request waited its turn
 * too long. The HTTP layer answers {@code 503} with {@code Retry-After}; nothing was changed.
 */
public class BusyException extends RuntimeException {
  private final Duration retryAfter;

  public BusyException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public String detail() {
    return getMessage();
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
