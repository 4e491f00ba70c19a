package org.conflictmap;

import java.util.Map;
import java.util.WeakHashMap;
import org.conflictmap.store.TokenStore;

/**
 * Tokens for tests to write with: {@link #editor} and {@link #admin} create one token of each role
 * per running app, the first time they are asked.
 */
public final class TestTokens {
  private static final Map<App, String> EDITORS = new WeakHashMap<>();
  private static final Map<App, String> ADMINS = new WeakHashMap<>();

  private TestTokens() {}

  /** An editor token on this app (named {@code test-editor}). */
  public static synchronized String editor(App app) {
    return EDITORS.computeIfAbsent(
        app, a -> a.tokens().create("test-editor", TokenStore.Role.EDITOR).secret());
  }

  /**
   * An admin token on this app: the first admin token when it made one, else {@code test-admin}.
   */
  public static synchronized String admin(App app) {
    return ADMINS.computeIfAbsent(
        app,
        a ->
            a.firstAdminToken()
                .orElseGet(() -> a.tokens().create("test-admin", TokenStore.Role.ADMIN).secret()));
  }
}
