package org.conflictmap.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What other sites may do with us. Anyone may read the API from a browser (GET and HEAD answer
 * {@code Access-Control-Allow-Origin: *}, never with credentials); nothing else is shared, so a
 * preflight for a write gets no CORS grant. A page elsewhere can still post a form or a {@code
 * text/plain} body without a preflight: such a write from another site is refused before it is
 * read, and with it every write whose method a header tries to override.
 */
final class CrossSite {
  private static final Set<String> FORM_TYPES =
      Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private CrossSite() {}

  static void headers(Context ctx) {
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header(
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
    String method = ctx.req().getMethod();
    if (ctx.path().startsWith("/api/") && (method.equals("GET") || method.equals("HEAD"))) {
      ctx.header("Access-Control-Allow-Origin", "*");
    }
  }

  /** Refuses a write a browser could have sent from another site without asking. */
  static void refuseSimpleCrossSiteWrite(Context ctx) {
    String method = ctx.req().getMethod();
    if (SAFE.contains(method) || !crossSite(ctx)) {
      return;
    }
    String type = ctx.contentType();
    String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type == null || FORM_TYPES.contains(bare)) {
      throw new ForbiddenResponse(
          "a write from another site must be JSON (or another API type) with a bearer token");
    }
  }

  private static boolean crossSite(Context ctx) {
    return crossSite(ctx::header);
  }

  /** A write a cross-site form could send (no type, or a form's type) from another site. */
  static boolean simpleCrossSiteWrite(
      java.util.function.Function<String, String> header, String type) {
    if (!crossSite(header)) {
      return false;
    }
    String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type == null || FORM_TYPES.contains(bare);
  }

  static boolean crossSite(java.util.function.Function<String, String> header) {
    String fetchSite = header.apply("Sec-Fetch-Site");
    if (fetchSite != null) {
      return fetchSite.equalsIgnoreCase("cross-site");
    }
    String origin = header.apply("Origin");
    if (origin == null) {
      return false;
    }
    String host = header.apply("Host");
    try {
      URI o = URI.create(origin);
      String authority = o.getRawAuthority();
      return authority == null || host == null || !authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return true; // "null" or garbage: an opaque origin is another site
    }
  }
}
