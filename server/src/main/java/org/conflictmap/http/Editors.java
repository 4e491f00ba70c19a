package org.conflictmap.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.config.Config;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.TokenStore;
import org.conflictmap.store.TokenStore.Role;

/**
 * Who is making a request. Reading is public (role viewer). Every write needs {@code Authorization:
 * Bearer TOKEN} for a live token of role editor or admin (see {@link TokenStore}); the {@code
 * editor.token} config, when set, is one more admin token named {@code editor.token}. A server
 * started with {@code --open} lets anyone write (a laptop). The name kept with each change is the
 * {@code X-Editor} header when given, else the token's name; the audit log always keeps the token's
 * name.
 */
public final class Editors {
  /** The name recorded for an edit whose sender gave none on an open server. */
  public static final String ANONYMOUS = "anonymous";

  /** The token name of the {@code editor.token} config. */
  public static final String CONFIG_TOKEN_NAME = "editor.token";

  static final String WHO = "conflictmap.who";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final int MAX_NAME = 80;

  private Editors() {}

  /** The caller: a token's name and role, or an anonymous viewer. */
  public record Who(String name, Role role) {}

  static boolean isWrite(Context ctx) {
    return !READS.contains(ctx.method().name());
  }

  /**
   * The caller named by the request's bearer token. No header is a viewer; a header naming no live
   * token is refused with 401 (a client that sends a token wants it honoured, not ignored).
   */
  static Who identify(Context ctx, Config config, TokenStore tokens) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return config.open() ? new Who(ANONYMOUS, Role.ADMIN) : new Who(ANONYMOUS, Role.VIEWER);
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("send the token as Authorization: Bearer TOKEN");
    }
    String given = header.substring(7).strip();
    Optional<String> configured = config.editorToken();
    // Constant-time comparison: the time taken must not reveal how much of the token matched.
    if (configured.isPresent()
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            configured.get().getBytes(StandardCharsets.UTF_8))) {
      return new Who(CONFIG_TOKEN_NAME, Role.ADMIN);
    }
    Optional<TokenStore.Token> t = given.isEmpty() ? Optional.empty() : tokens.find(given);
    if (t.isEmpty()) {
      if (config.open()) {
        return new Who(ANONYMOUS, Role.ADMIN);
      }
      throw unauthorized("the token is unknown or revoked");
    }
    return new Who(t.get().name(), t.get().role());
  }

  /** Refuses the request unless the caller holds at least {@code role}; returns the caller. */
  static Who authorize(Context ctx, Config config, TokenStore tokens, Role role) {
    Who who = identify(ctx, config, tokens);
    if (!who.role().atLeast(role)) {
      if (who.role() == Role.VIEWER) {
        throw unauthorized(
            "this needs an "
                + role.code()
                + " token (Authorization: Bearer TOKEN); create one with `conflictmap tokens"
                + " create NAME --role "
                + role.code()
                + "`");
      }
      throw new InputException(
          InputException.Kind.FORBIDDEN,
          "Role too low",
          "the token '" + who.name() + "' is " + who.role().code() + "; this needs " + role.code(),
          Map.of());
    }
    ctx.attribute(WHO, who);
    return who;
  }

  private static InputException unauthorized(String detail) {
    return new InputException(
        InputException.Kind.UNAUTHORIZED, "Editor token required", detail, Map.of());
  }

  /**
   * The editor's name for the change log. The write was authorised before the route ran (every
   * write passes {@link #authorize}); this refuses with 401 if it somehow was not.
   *
   * @throws InputException 401 when the request was not authorised as an editor
   */
  public static String require(Context ctx, Config config) {
    Who who = ctx.attribute(WHO);
    if (who == null || !who.role().atLeast(Role.EDITOR)) {
      throw unauthorized("this write needs an editor token (Authorization: Bearer TOKEN)");
    }
    String given = ctx.header("X-Editor");
    return given != null && !name(given).equals(ANONYMOUS) ? name(given) : who.name();
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
