package org.conflictmap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.NewArticle;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.IngestResult;

/** {@code POST /api/articles} (JSON or plain text) and {@code GET /api/articles/{id}}. */
final class ArticleRoutes {
  private static final Set<String> FIELDS = Set.of("title", "body", "url", "published");
  private final Api api;

  ArticleRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/articles", this::ingest);
    routes.get("/api/articles/{id}", this::get);
  }

  private void ingest(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of("replace"));
    boolean replace = replaceParam(ctx);
    if (replace) {
      // Replacing rewrites what a stored article reports, which can take events off the map: an
      // edit like any other, so it needs the editor token when one is set.
      Editors.require(ctx, api.config());
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    boolean json = type.startsWith("application/json");
    if (!json && !type.startsWith("text/plain")) {
      throw new InputException(
          InputException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported content type",
          "send the article as application/json {title, body, url, published} or as text/plain; got '"
              + (type.isEmpty() ? "none" : type)
              + "'");
    }
    String body = utf8(ctx.bodyAsBytes());
    NewArticle article = json ? fromJson(body) : ArticleText.parse(body, null);
    IngestResult r = api.ingester().ingest(article, replace);
    ObjectNode out = api.json().createObjectNode();
    out.put("article_id", r.articleId());
    out.put("duplicate", r.duplicate());
    out.put("replaced", r.replaced());
    out.put(
        "message",
        r.duplicate()
            ? "this article was already ingested; nothing new was stored"
            : r.replaced()
                ? "the article was replaced; it reports " + r.events().size() + " event(s)"
                : r.events().size() + " event(s) stored");
    out.set("events", EventJson.toFeatureCollection(r.events(), r.events().size(), api.json()));
    boolean created = !r.duplicate() && !r.replaced();
    ctx.status(created ? 201 : 200).contentType("application/json").result(out.toString());
    if (created) {
      ctx.header("Location", "/api/articles/" + r.articleId());
    }
  }

  /**
   * {@code replace=true}: an article already stored under the same url is replaced by this text.
   */
  private static boolean replaceParam(Context ctx) {
    return Params.single(ctx, "replace")
        .map(
            v -> {
              if (!v.equals("true") && !v.equals("false")) {
                throw Params.malformed(
                    "Invalid replace", "replace is true or false, got '" + v + "'");
              }
              return v.equals("true");
            })
        .orElse(false);
  }

  private NewArticle fromJson(String body) throws Exception {
    if (body.isBlank()) {
      throw Params.malformed("Empty body", "send a JSON object {title, body, url, published}");
    }
    JsonNode n = api.json().readTree(body);
    if (n == null || !n.isObject()) {
      throw Params.malformed(
          "Not a JSON object", "send a JSON object {title, body, url, published}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw Params.malformed(
            "Unknown field", "unknown field '" + f + "'; an article has " + FIELDS);
      }
    }
    String published = text(n, "published");
    return new NewArticle(
        text(n, "title"),
        text(n, "body"),
        text(n, "url"),
        published == null || published.isBlank()
            ? null
            : ArticleText.parseDate(published, "published"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw Params.malformed("Invalid field", field + " must be a string");
    }
    return v.asText();
  }

  private void get(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    var a = api.articles().article(id).orElseThrow(() -> Params.notFound("article", id));
    ObjectNode out = api.json().createObjectNode();
    out.put("id", a.id());
    out.put("title", a.title());
    out.put("url", a.url());
    LocalDate published = a.published();
    out.put("published", published == null ? null : published.toString());
    out.put("ingested_at", a.ingestedAt().toString());
    out.put("body", a.body());
    ctx.contentType("application/json").result(out.toString());
  }

  /**
   * The body as UTF-8, refusing bytes that are not text (images, archives) instead of storing
   * mojibake.
   */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Body is not text",
          "the request body is not valid UTF-8 text");
    }
  }
}
