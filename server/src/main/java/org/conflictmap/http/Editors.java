package org.conflictmap.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.config.Config;
import org.conflictmap.problem.InputException;

/**
 * Who is making an edit. With {@code editor.token} configured, every edit must carry {@code
 * Authorization: Bearer TOKEN} or is refused with 401; without one, edits are open (a laptop). The
 * editor's name, kept with each change, comes from the {@code X-Editor} header.
 */
public final class Editors {
  /** The name recorded for an edit whose sender gave none. */
  public static final String ANONYMOUS = "anonymous";

  private static final int MAX_NAME = 80;

  private Editors() {}

  /**
   * Checks the token (when one is configured) and returns the editor's name for the change log.
   *
   * @throws InputException 401 when a token is configured and the request lacks it
   */
  public static String require(Context ctx, Config config) {
    Optional<String> token = config.editorToken();
    if (token.isPresent()) {
      String header = ctx.header("Authorization");
      String given =
          header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
              ? header.substring(7).strip()
              : "";
      // Constant-time comparison: the time taken must not reveal how much of the token matched.
      if (!MessageDigest.isEqual(
          given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"conflictmap\"");
        throw new InputException(
            InputException.Kind.UNAUTHORIZED,
            "Editor token required",
            "this server accepts edits only with its editor token (Authorization: Bearer TOKEN)",
            Map.of());
      }
    }
    return name(ctx.header("X-Editor"));
  }

  /** The editor's name cleaned for storage: printable, trimmed, at most 80 characters. */
  static String name(String header) {
    if (header == null) {
      return ANONYMOUS;
    }
    String cleaned = header.replaceAll("\\p{Cntrl}", "").strip();
    if (cleaned.isEmpty()) {
      return ANONYMOUS;
    }
    return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
  }
}
