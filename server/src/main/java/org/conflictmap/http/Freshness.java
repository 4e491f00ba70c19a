package org.conflictmap.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Conditional GET for answers computed from the store: a weak {@code ETag} made of the store's data
 * version, so a client (or a cache in front of the servers) that sends it back in {@code
 * If-None-Match} gets {@code 304 Not Modified} with no body until something is written. {@code
 * Cache-Control: public, no-cache} lets caches keep the answer but ask each time. Error answers
 * carry neither header (the error handler marks them {@code no-store}).
 */
final class Freshness {
  private Freshness() {}

  /** The weak entity tag of answers computed at this data version. */
  static String tag(String dataVersion) {
    return "W/\"" + dataVersion + "\"";
  }

  /**
   * Answers 304 when the request's {@code If-None-Match} names this tag (or is {@code *}), and says
   * so; else returns false and the caller computes the answer, then calls {@link #mark}. Call it
   * after the parameters are validated, so a bad request is refused whatever it sends.
   */
  static boolean notModified(Context ctx, String tag) {
    String header = ctx.header("If-None-Match");
    if (header == null || !matches(header, tag)) {
      return false;
    }
    mark(ctx, tag);
    ctx.status(HttpStatus.NOT_MODIFIED);
    return true;
  }

  /** Tags a 200 answer; call before its first byte is written. */
  static void mark(Context ctx, String tag) {
    ctx.header("ETag", tag);
    ctx.header("Cache-Control", "public, no-cache");
  }

  /**
   * Weak comparison (RFC 9110, 13.1.2): any listed tag with the same opaque value, {@code W/} or
   * not, or {@code *}.
   */
  static boolean matches(String ifNoneMatch, String tag) {
    String want = opaque(tag);
    for (String part : ifNoneMatch.split(",")) {
      String t = part.strip();
      if (t.equals("*") || opaque(t).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
