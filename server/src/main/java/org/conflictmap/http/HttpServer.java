package org.conflictmap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.conflictmap.problem.InputException;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route, static file and error mapping, wired in one place. */
public final class HttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static Javalin create(Api api) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.http.maxRequestSize = api.config().maxBodyBytes();
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.staticFiles.enableWebjars();
          config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
          config.routes.before(FramePolicy::apply);
          config.routes.before(CrossSite::headers);
          config.routes.before(CrossSite::refuseSimpleCrossSiteWrite);
          config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
          config.jetty.modifyServletContextHandler(
              h ->
                  h.addFilter(
                      new FilterHolder(new NoMethodOverride()),
                      "/*",
                      EnumSet.of(DispatcherType.REQUEST)));
          // Tokens are compared case-exactly: Jetty's per-connection header cache matches header
          // lines case-insensitively and would hand a reused connection the earlier request's value
          // (a token differing only in case would pass). No cache, no interning of values.
          config.jetty.modifyHttpConfiguration(
              h -> {
                h.setHeaderCacheSize(0);
                h.setHeaderCacheCaseSensitive(true);
              });
          new AuthRoutes(api).register(config.routes);

          new ArticleRoutes(api).register(config.routes);
          new EventRoutes(api).register(config.routes);
          new CorrectionRoutes(api).register(config.routes);
          new OutlineRoutes(api).register(config.routes);
          new ZoneRoutes(api).register(config.routes);
          new PlaceRoutes(api).register(config.routes);
          new FeedRoutes(api).register(config.routes);
          new EventPageRoutes(api).register(config.routes);
          new PreviewRoutes(api).register(config.routes);
          new OEmbedRoutes(api).register(config.routes);
          new OgcRoutes(api).register(config.routes);
          new ExportRoutes(api).register(config.routes);

          config.routes.exception(
              InputException.class,
              (e, ctx) -> {
                if (e.kind() == InputException.Kind.UNAUTHORIZED) {
                  ctx.header("WWW-Authenticate", "Bearer realm=\"conflictmap\"");
                }
                Problems.write(
                    ctx, api.json(), e.kind().status(), e.title(), e.detail(), e.extensions());
              });
          config.routes.exception(
              JsonProcessingException.class,
              (e, ctx) ->
                  Problems.write(
                      ctx,
                      api.json(),
                      400,
                      "Malformed JSON",
                      "the body is not valid JSON: " + e.getOriginalMessage()));
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) ->
                  Problems.write(
                      ctx,
                      api.json(),
                      e.getStatus(),
                      titleFor(e.getStatus()),
                      detailFor(e, ctx.path())));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                int refused = badRequestStatus(e);
                if (refused > 0) {
                  Problems.write(
                      ctx,
                      api.json(),
                      refused,
                      "Bad request",
                      "the request body is not well-formed HTTP (its framing or length)");
                  return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Problems.write(
                    ctx,
                    api.json(),
                    500,
                    "Internal error",
                    "the server could not complete the request; nothing was changed");
              });
        });
  }

  /**
   * The 4xx status when reading the request failed because of the client (a broken chunked body, a
   * body cut short), or 0 when the failure is ours.
   */
  private static int badRequestStatus(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        int code = h.getCode();
        return code >= 400 && code < 500 ? code : 400;
      }
      if (t instanceof EofException) {
        return 400;
      }
    }
    return 0;
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Body too large";
      default -> "Request refused";
    };
  }

  private static String detailFor(HttpResponseException e, String path) {
    return switch (e.getStatus()) {
      case 404 -> "nothing is served at " + path;
      case 413 -> "the request body is larger than this server accepts";
      default -> e.getMessage();
    };
  }
}
