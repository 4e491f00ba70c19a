package org.conflictmap.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Who may show our pages in a frame. The embed and the event pages are made to be framed by other
 * sites; every other page (the editing map, the API) refuses, so it cannot be overlaid for
 * clickjacking.
 */
final class FramePolicy {
  /** Scripts only from our own files: no inline script or handler runs, even if one slipped in. */
  static final String SCRIPTS = "script-src 'self'; object-src 'none'; base-uri 'self'; ";

  static final String FRAMABLE = SCRIPTS + "frame-ancestors *";
  static final String NOT_FRAMABLE = SCRIPTS + "frame-ancestors 'none'";
  private static final Pattern EMBEDDABLE = Pattern.compile("/embed/?|/events/[^/]+/?");

  private FramePolicy() {}

  static void apply(Context ctx) {
    if (EMBEDDABLE.matcher(ctx.path()).matches()) {
      ctx.header("Content-Security-Policy", FRAMABLE);
    } else {
      ctx.header("Content-Security-Policy", NOT_FRAMABLE);
      // for browsers that predate frame-ancestors
      ctx.header("X-Frame-Options", "DENY");
    }
  }
}
