package org.conflictmap.cli;

import org.conflictmap.problem.InputException;
import org.conflictmap.store.StoreException;
import picocli.CommandLine;

/**
 * Input errors print as one line a person can act on; anything else keeps its stack trace for a bug
 * report.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof InputException ie) {
      cmd.getErr().println("error: " + ie.title() + ": " + ie.detail());
      return 2;
    }
    if (e instanceof java.io.UncheckedIOException
        || e instanceof java.io.IOException
        || e instanceof StoreException) {
      cmd.getErr().println("error: " + e.getMessage());
      return 1;
    }
    throw new RuntimeException(e);
  }
}
