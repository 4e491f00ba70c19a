package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;
import org.conflictmap.problem.InputException;

/** Reading JSON request bodies with refusals a client can act on. */
final class JsonBodies {
  private JsonBodies() {}

  static void requireJson(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!(type.startsWith("application/json") || type.startsWith("application/geo+json"))) {
      throw new InputException(
          InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported content type",
          "send GeoJSON as application/geo+json or application/json; got '"
              + (type.isEmpty() ? "none" : type)
              + "'");
    }
  }

  static JsonNode read(Context ctx, ObjectMapper json) throws Exception {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw Params.malformed("Empty body", "the request has no body; send a GeoJSON Feature");
    }
    JsonNode n = json.readTree(bytes);
    if (n == null || n.isMissingNode()) {
      throw Params.malformed("Empty body", "the request has no body; send a GeoJSON Feature");
    }
    return n;
  }
}
