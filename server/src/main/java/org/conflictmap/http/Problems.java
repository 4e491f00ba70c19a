package org.conflictmap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Writes RFC 9457 problem documents: every error the API gives leaves as {@code
 * application/problem+json}.
 */
final class Problems {
  static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  static void write(
      Context ctx,
      ObjectMapper json,
      int status,
      String title,
      String detail,
      Map<String, Object> extensions) {
    ObjectNode p = json.createObjectNode();
    p.put("type", "about:blank");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", ctx.path());
    extensions.forEach((k, v) -> p.set(k, json.valueToTree(v)));
    // an error describes this moment, not the resource: no cache keeps it, no tag validates it
    ctx.res().setHeader("ETag", null);
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType(CONTENT_TYPE).result(p.toString());
  }

  static void write(Context ctx, ObjectMapper json, int status, String title, String detail) {
    write(ctx, json, status, title, detail, Map.of());
  }
}
