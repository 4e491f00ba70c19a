package org.conflictmap.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.conflictmap.config.Config;

/**
 * Absolute links for share links, Open Graph tags and oEmbed answers: the configured public base
 * URL, or else the address the server is bound to. The request's Host header is never used: a
 * client (or a cache in front of us) could then put any host into the links others are served.
 */
final class PublicUrls {
  /** A Host header is copied into pages; anything but a plain host[:port] is not trusted. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?");

  private PublicUrls() {}

  /** Scheme, host and optional path prefix, without a trailing slash. */
  static String base(Context ctx, Config config) {
    return config.publicBaseUrl().orElseGet(() -> requestOrigin(ctx));
  }

  /** The address and port the request arrived on (the bound address), never its Host header. */
  static String requestOrigin(Context ctx) {
    String addr = ctx.req().getLocalAddr();
    String host;
    if (addr == null || addr.isEmpty()) {
      host = "localhost";
    } else if (addr.contains(":")) {
      host = "[" + addr + "]";
    } else {
      host = addr;
    }
    host = host + ":" + ctx.req().getLocalPort();
    if (!HOST.matcher(host).matches()) {
      host = "localhost";
    }
    return ctx.scheme() + "://" + host;
  }

  /** {@code a=1&b=x%20y} from ordered parameters; empty map gives an empty string. */
  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String s) {
    // URLEncoder writes spaces as '+'; %20 reads the same everywhere. Commas and slashes are legal
    // in a query and keep bbox=1,2,3,4 and date intervals readable.
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%2C", ",")
        .replace("%2F", "/");
  }
}
