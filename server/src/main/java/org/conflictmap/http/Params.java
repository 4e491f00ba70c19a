package org.conflictmap.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.problem.InputException;

/**
 * Reads and checks the query and path parameters outside the view grammar (ids, sizes, formats);
 * the names and repetition rules are {@link ViewGrammar}'s, so every endpoint words them alike.
 */
final class Params {
  private Params() {}

  /** Refuses parameters the endpoint does not know, so a typo ("bbx") is not silently ignored. */
  static void allowOnly(Context ctx, Set<String> known) {
    ViewGrammar.of(ctx).allowOnly(known);
  }

  static Optional<String> single(Context ctx, String name) {
    return ViewGrammar.of(ctx).single(name);
  }

  /** A whole number from min to max (422 outside, 400 if not a whole number), else the default. */
  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    return single(ctx, name).map(raw -> (int) ViewGrammar.whole(name, raw, min, max)).orElse(dflt);
  }

  static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = AsciiNumbers.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw malformed("Invalid id", "ids are positive whole numbers, got '" + raw + "'");
  }

  static InputException malformed(String title, String detail) {
    return new InputException(InputException.Kind.MALFORMED, title, detail);
  }

  static InputException notFound(String what, long id) {
    return new InputException(
        InputException.Kind.NOT_FOUND, "Not found", "there is no " + what + " " + id);
  }
}
