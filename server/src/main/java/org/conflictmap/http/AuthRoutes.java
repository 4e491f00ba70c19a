package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.AuditStore;
import org.conflictmap.store.TokenStore.Role;

/**
 * Who am I ({@code GET /api/me}, for the page to decide whether to show edit controls) and the
 * audit log ({@code GET /api/audit?limit=&before=}, admins only), and the audit entry written after
 * every write.
 */
final class AuthRoutes {
  static final String ENTITY = "conflictmap.audit.entity";
  static final String ENTITY_ID = "conflictmap.audit.id";
  static final String BEFORE = "conflictmap.audit.before";
  static final String AFTER = "conflictmap.audit.after";
  private static final int MAX_LIMIT = 500;

  private final Api api;

  AuthRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.before(
        ctx -> {
          if (Editors.isWrite(ctx) && ctx.path().startsWith("/api/")) {
            Editors.authorize(ctx, api.config(), api.tokens(), Role.EDITOR);
          }
        });
    routes.after(this::audit);
    routes.get("/api/me", this::me);
    routes.get("/api/audit", this::auditLog);
  }

  /**
   * Tells the audit log what a write changed: the entity's kind and id, and its JSON before and
   * after (either null when the write creates or deletes it).
   */
  static void entity(Context ctx, String entity, Object id, String before, String after) {
    ctx.attribute(ENTITY, entity);
    ctx.attribute(ENTITY_ID, id == null ? null : String.valueOf(id));
    ctx.attribute(BEFORE, before);
    ctx.attribute(AFTER, after);
  }

  private void audit(Context ctx) {
    Editors.Who who = ctx.attribute(Editors.WHO);
    int status = ctx.status().getCode();
    if (who == null || !Editors.isWrite(ctx) || status >= 400) {
      return;
    }
    String query = ctx.queryString();
    api.audit()
        .record(
            who.name(),
            ctx.method().name(),
            ctx.path() + (query == null ? "" : "?" + query),
            status,
            ctx.attribute(ENTITY),
            ctx.attribute(ENTITY_ID),
            ctx.attribute(BEFORE),
            ctx.attribute(AFTER));
  }

  private void me(Context ctx) throws Exception {
    Editors.Who who = Editors.identify(ctx, api.config(), api.tokens());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", who.role() == Role.VIEWER ? null : who.name());
    out.put("role", who.role().code());
    out.put("canEdit", who.role().atLeast(Role.EDITOR));
    out.put("open", api.config().open());
    send(ctx, out);
  }

  private void auditLog(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of("limit", "before"));
    Editors.authorize(ctx, api.config(), api.tokens(), Role.ADMIN);
    int limit = intParam(ctx, "limit", 50);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InputException(
          InputException.Kind.MALFORMED,
          "Bad limit",
          "limit must be 1-" + MAX_LIMIT + ", got " + limit);
    }
    Long before = Params.single(ctx, "before").isEmpty() ? null : (long) intParam(ctx, "before", 0);
    List<AuditStore.Entry> page = api.audit().page(limit, before);
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> entries = new java.util.ArrayList<>();
    for (AuditStore.Entry e : page) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("at", e.at().toString());
      m.put("who", e.who());
      m.put("method", e.method());
      m.put("path", e.path());
      m.put("status", e.status());
      m.put("entity", e.entity());
      m.put("entityId", e.entityId());
      m.put("before", e.before() == null ? null : api.json().readTree(e.before()));
      m.put("after", e.after() == null ? null : api.json().readTree(e.after()));
      entries.add(m);
    }
    out.put("entries", entries);
    out.put("next", page.size() == limit ? page.get(page.size() - 1).id() : null);
    send(ctx, out);
  }

  private void send(Context ctx, Object body) throws Exception {
    ctx.contentType("application/json").result(api.json().writeValueAsString(body));
  }

  private static int intParam(Context ctx, String name, int fallback) {
    // once only: a repeated parameter is refused, as everywhere else
    String v = Params.single(ctx, name).orElse(null);
    if (v == null) {
      return fallback;
    }
    try {
      return AsciiNumbers.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException(
          InputException.Kind.MALFORMED,
          "Bad " + name,
          name + " must be a whole number, got '" + v + "'");
    }
  }
}
